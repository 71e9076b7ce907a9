/**
 * The yardstick: a bare node:http server doing the same JSON parse and reply as the
 * protocol (no validation, no store, no limits, no crypto). Prints its URL on stdout.
 */
import { createServer } from "node:http";

let next = 0;
const server = createServer((request, response) => {
  const chunks = [];
  request.on("data", (chunk) => chunks.push(chunk));
  request.on("end", () => {
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    next += 1;
    const answer = request.url.endsWith("/send")
      ? {
          challenge: {
            id: `c${next}`,
            phone: `${body.phone.slice(0, 3)} ••• ••• ${body.phone.slice(-3)}`,
            codeLength: 6,
            expiresIn: 300,
            resendIn: 30,
            attemptsLeft: 5,
            channel: "sms",
          },
        }
      : { verified: body.code === "000000", token: `t.${body.challengeId}` };
    response.writeHead(200, { "content-type": "application/json; charset=utf-8" });
    response.end(JSON.stringify(answer));
  });
});
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(
    `${JSON.stringify({ url: `http://127.0.0.1:${server.address().port}/api/otp` })}\n`,
  );
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
