import { type FlowAction, type FlowState, flowReducer, initialFlowState } from "@otpkit/core";

/** What a component renders from: the flow state and the clock reading it was computed at. */
export interface FlowSnapshot {
  state: FlowState;
  now: number;
}

/**
 * A tiny external store around the core reducer. `dispatch` returns the next state
 * synchronously, so the hook knows at once whether an action started a request.
 */
export function createFlowStore(now: () => number) {
  let snapshot: FlowSnapshot = { state: initialFlowState, now: now() };
  const listeners = new Set<() => void>();
  const publish = (next: FlowSnapshot) => {
    snapshot = next;
    for (const listener of listeners) listener();
  };
  return {
    get: () => snapshot,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    dispatch(action: FlowAction): FlowState {
      const state = flowReducer(snapshot.state, action);
      // Answers carry no time of their own: they are read at the clock of their arrival.
      if (state !== snapshot.state) publish({ state, now: "at" in action ? action.at : now() });
      return state;
    },
    /** Moves the clock (and lets the reducer end an expired challenge) in one update. */
    tick(at: number) {
      const state = flowReducer(snapshot.state, { type: "tick", at });
      publish({ state, now: at });
    },
  };
}

export type FlowStore = ReturnType<typeof createFlowStore>;
