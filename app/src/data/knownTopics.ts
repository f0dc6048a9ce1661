/**
 * Topic names this browser has seen (typed in a search or a setting), remembered in localStorage so
 * that the decision map can show names instead of hashes.
 */
import { useCallback, useState } from "react";

import { COMMON_TOPICS, normaliseTopic } from "../lib/topics.ts";

const STORAGE_KEY = "concord.topics";

function read(): string[] {
  try {
    const parsed: unknown = JSON.parse(globalThis.localStorage?.getItem(STORAGE_KEY) ?? "[]");
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

/** The names known here (common ones first) and a way to remember a new one. */
export function useKnownTopics(): [string[], (name: string) => void] {
  const [typed, setTyped] = useState(read);
  const remember = useCallback((name: string) => {
    const clean = normaliseTopic(name);
    if (!clean) return;
    setTyped((previous) => {
      if (previous.includes(clean) || (COMMON_TOPICS as readonly string[]).includes(clean)) return previous;
      const next = [...previous, clean].slice(-100);
      try {
        globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(next));
      } catch {
        // Not remembered: names still work, the map shows hashes for unknown ones.
      }
      return next;
    });
  }, []);
  return [[...COMMON_TOPICS, ...typed], remember];
}
