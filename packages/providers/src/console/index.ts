export {
  type ConsoleAdapter,
  type ConsoleAdapterOptions,
  type ConsoleDeliver,
  type ConsoleSms,
  consoleAdapter,
  type InboxSms,
  type SmsSink,
} from "./console-adapter";
