/**
 * Which components rendered in each React commit, read the way React DevTools reads it: a
 * stand-in DevTools hook that React calls after every commit. It must exist before
 * react-dom loads, so the render bench lists this file first in `setupFiles`.
 *
 * A component rendered in a commit when its fiber is new or carries React's PerformedWork
 * flag; a subtree whose child list is the previous commit's was not visited at all.
 */

interface Fiber {
  tag: number;
  type: unknown;
  flags: number;
  child: Fiber | null;
  sibling: Fiber | null;
  alternate: Fiber | null;
}

/** FunctionComponent, ClassComponent, ForwardRef, SimpleMemoComponent (not the memo shell). */
const COMPONENT_TAGS = new Set([0, 1, 11, 15]);
const PERFORMED_WORK = 1;

function nameOf(fiber: Fiber): string {
  const type = fiber.type as
    | { displayName?: string; name?: string; render?: { name?: string } }
    | undefined;
  return type?.displayName || type?.name || type?.render?.name || "Anonymous";
}

function rendered(fiber: Fiber, names: string[]): void {
  const previous = fiber.alternate;
  if (COMPONENT_TAGS.has(fiber.tag) && (!previous || fiber.flags & PERFORMED_WORK)) {
    names.push(nameOf(fiber));
  }
  if (previous && fiber.child === previous.child) return;
  for (let child = fiber.child; child; child = child.sibling) rendered(child, names);
}

type Listener = (components: string[]) => void;
const listeners = new Set<Listener>();

/** Calls `listener` with the components rendered in each commit until the returned stop. */
export function onCommit(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

Object.assign(globalThis, {
  __REACT_DEVTOOLS_GLOBAL_HOOK__: {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject: () => 1,
    checkDCE: () => {},
    onScheduleFiberRoot: () => {},
    onCommitFiberUnmount: () => {},
    onPostCommitFiberRoot: () => {},
    onCommitFiberRoot(_id: number, root: { current: Fiber }) {
      if (listeners.size === 0) return;
      const names: string[] = [];
      rendered(root.current, names);
      for (const listener of listeners) listener(names);
    },
  },
});
