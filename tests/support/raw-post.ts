import { request as httpRequest } from "node:http";

export type RawAnswer = { status: number; body: string };

/**
 * A form post over plain node:http, with headers no browser or fetch would let a test send (a
 * made-up Host) or a body sent only in part (`partial`: the first bytes, then nothing).
 */
export function rawPost(options: {
  port: number | string;
  path: string;
  headers: Record<string, string>;
  form: string;
  partial?: boolean;
}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const call = httpRequest(
      {
        host: "127.0.0.1",
        port: options.port,
        path: options.path,
        method: "POST",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          "Content-Length": Buffer.byteLength(options.form),
          ...options.headers,
        },
      },
      (response) => {
        let body = "";
        response.on("data", (chunk: Buffer) => (body += chunk.toString()));
        response.on("end", () => resolve({ status: response.statusCode!, body }));
      },
    );
    call.on("error", reject);
    if (options.partial) call.write(options.form.slice(0, 10));
    else call.end(options.form);
  });
}
