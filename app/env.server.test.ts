import { describe, expect, it } from "vitest";
import { appOrigins, parseEnv } from "./env.server";

// APP_ORIGIN: the origins forms are accepted from and links point to, never the Host header.
describe("APP_ORIGIN", () => {
  it("is required in production when the server listens beyond this machine", () => {
    expect(() => parseEnv({ NODE_ENV: "production", HOST: "0.0.0.0" })).toThrow(
      /APP_ORIGIN: is required in production when HOST is 0\.0\.0\.0/,
    );
    const config = parseEnv({
      NODE_ENV: "production",
      HOST: "0.0.0.0",
      APP_ORIGIN: "https://frontline.example.com",
    });
    expect(appOrigins(config)).toEqual(["https://frontline.example.com"]);
  });

  it("defaults to localhost on PORT for a server on this machine (npm start)", () => {
    for (const HOST of [undefined, "127.0.0.1", "localhost"]) {
      const config = parseEnv({ NODE_ENV: "production", PORT: "3210", HOST });
      expect(appOrigins(config)).toEqual([
        "http://localhost:3210",
        "http://127.0.0.1:3210",
        "http://[::1]:3210",
      ]);
    }
  });

  it("takes a list, lower-cased and without trailing slashes, and refuses paths and other schemes", () => {
    const config = parseEnv({
      NODE_ENV: "test",
      APP_ORIGIN: " https://Frontline.Example.com/ , http://10.0.0.5:3000",
    });
    expect(appOrigins(config)).toEqual(["https://frontline.example.com", "http://10.0.0.5:3000"]);
    for (const bad of ["https://frontline.example.com/app", "ftp://example.com", "example.com"]) {
      expect(() => parseEnv({ NODE_ENV: "test", APP_ORIGIN: bad }), bad).toThrow(
        /APP_ORIGIN: must be/,
      );
    }
  });
});
