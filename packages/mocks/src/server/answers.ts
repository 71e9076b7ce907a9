/**
 * The mocked server's answers are @otpkit/server's, from the protocol's one definition in
 * @otpkit/core (`jsonAnswer`, `failureAnswer`, `refused`), handed to MSW as a `Response`.
 */
import {
  type WireFailure as Failure,
  failureAnswer,
  jsonAnswer,
  type WireAnswer,
} from "@otpkit/core";
import { HttpResponse } from "msw";

export { refused, type WireFailure as Failure } from "@otpkit/core";

const toResponse = (answer: WireAnswer): Response =>
  new HttpResponse(answer.body ?? null, { status: answer.status, headers: answer.headers });

export const jsonResponse = (body: unknown, status?: number, headers?: Record<string, string>) =>
  toResponse(jsonAnswer(body, status, headers));

export const failureResponse = (failure: Failure, headers?: Record<string, string>) =>
  toResponse(failureAnswer(failure, headers));
