/** The app's calls to its server: every one carries the init data as `Authorization: tma …`. */
import type { ApiMe, ApiProgramme, ApiQuestions, ApiSearch } from "../../src/webapp/api-types.js";

/** The server refused the init data (missing, forged, altered or expired). */
export class Unauthorized extends Error {
  constructor(readonly reason: string) {
    super(`unauthorized: ${reason}`);
  }
}

/** Calls the API; throws {@link Unauthorized} on 401 and an Error naming the status on other failures. */
export async function api<T>(initData: string, path: string, method = "GET"): Promise<T> {
  const res = await fetch(new URL(`../api/${path}`, location.href), {
    method,
    headers: initData ? { authorization: `tma ${initData}` } : {},
  });
  if (res.status === 401) {
    const body = (await res.json().catch(() => ({}))) as { reason?: string };
    throw new Unauthorized(body.reason ?? "missing");
  }
  if (!res.ok) throw new Error(`${method} /api/${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** The API's calls, bound to one launch's init data. */
export function client(initData: string) {
  return {
    programme: () => api<ApiProgramme>(initData, "programme"),
    me: () => api<ApiMe>(initData, "me"),
    follow: (id: string, on: boolean) =>
      api<ApiMe>(initData, `follow/${encodeURIComponent(id)}`, on ? "PUT" : "DELETE"),
    /** Unfollows a session of another conference of the deployment (answers with that conference's view). */
    unfollowAt: (conference: string, id: string) =>
      api<ApiMe>(
        initData,
        `follow/${encodeURIComponent(id)}?conference=${encodeURIComponent(conference)}`,
        "DELETE",
      ),
    remind: (id: string, on: boolean) =>
      api<ApiMe>(initData, `remind/${encodeURIComponent(id)}`, on ? "PUT" : "DELETE"),
    search: (q: string) => api<ApiSearch>(initData, `search?q=${encodeURIComponent(q)}`),
    questions: (id: string) => api<ApiQuestions>(initData, `questions/${encodeURIComponent(id)}`),
    moderate: (id: string, question: number, action: "approve" | "hide" | "answer") =>
      api<ApiQuestions>(initData, `questions/${encodeURIComponent(id)}/${question}/${action}`, "POST"),
  };
}

/** The bound API client. */
export type Client = ReturnType<typeof client>;
