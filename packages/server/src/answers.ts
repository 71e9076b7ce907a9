/**
 * The handler's answers are the protocol's (`jsonAnswer`, `failureAnswer` in @otpkit/core,
 * shared with the mocked server); the fetch API path turns one into a `Response` here.
 */
import type { WireAnswer } from "@otpkit/core";

export const toResponse = (answer: WireAnswer): Response =>
  new Response(answer.body ?? null, { status: answer.status, headers: answer.headers });
