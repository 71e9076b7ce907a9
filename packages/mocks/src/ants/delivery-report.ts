/** The delivery report ANTS POSTs to a request's `notifyUrl` ("Send Callback"). */
import { isObject } from "./support";

export type AntsDeliveryStatus =
  | "ACCEPTED"
  | "PENDING"
  | "DELIVERED"
  | "UNDELIVERED"
  | "EXPIRED"
  | "REJECTED";

export interface AntsDeliveryReport {
  details: {
    messageId: string;
    to: string;
    from: string;
    text: string;
    credit: number;
    sendDate: string;
    doneDate: string;
    status: { code: string; name: AntsDeliveryStatus; description: string };
  }[];
  callbackData?: string;
}

export const DELIVERY_STATUS: Readonly<
  Record<AntsDeliveryStatus, { code: string; description: string }>
> = {
  ACCEPTED: { code: "102", description: "Processed and handed to the operator" },
  PENDING: { code: "101", description: "Accepted by the system" },
  DELIVERED: { code: "000", description: "Successfully sent to phone" },
  UNDELIVERED: { code: "204", description: "System error, retry" },
  EXPIRED: { code: "204", description: "Validity period expired" },
  REJECTED: { code: "208", description: "Service blocked" },
};

/** "2024-01-01 10:00:05" in UTC (the DR date format is not documented). */
export const formatDate = (epochMs: number) =>
  new Date(epochMs).toISOString().slice(0, 19).replace("T", " ");

/** JSON or XML, following the request's `notifyContentType`. */
export function encodeReport(report: AntsDeliveryReport, contentType: string) {
  const xml = contentType.includes("xml");
  return {
    contentType: xml ? "application/xml" : "application/json",
    body: xml ? toXml(report) : JSON.stringify(report),
  };
}

function toXml(report: AntsDeliveryReport): string {
  const escapeXml = (value: unknown) =>
    String(value).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const element = (name: string, value: unknown): string =>
    isObject(value)
      ? `<${name}>${Object.entries(value)
          .map(([key, inner]) => element(key, inner))
          .join("")}</${name}>`
      : `<${name}>${escapeXml(value)}</${name}>`;
  const details = report.details.map((detail) => element("detail", detail)).join("");
  const callback =
    report.callbackData === undefined ? "" : element("callbackData", report.callbackData);
  return `<?xml version="1.0" encoding="UTF-8"?><report><details>${details}</details>${callback}</report>`;
}
