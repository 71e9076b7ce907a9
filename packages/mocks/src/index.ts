export * from "./ants";
export * from "./engagelab";
export { codeFromText, createInbox, type Inbox, type InboxMessage, inbox } from "./inbox";
export {
  createKnobs,
  type Fault,
  type KnobOptions,
  type Knobs,
  type MockOptions,
  type ProviderMock,
} from "./knobs";
export * from "./server";
export * from "./verihubs";
