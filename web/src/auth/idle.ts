import { useEffect, useRef } from "react";

const ACTIVITY = ["pointerdown", "pointermove", "keydown", "input", "wheel", "touchstart", "scroll"] as const;

/**
 * Calls `onIdle(minutes)` once nobody has touched the portal for `minutes` (the clinic group's
 * idleLockMinutes): shared treatment-room devices must not stay signed in between patients. A
 * hidden tab's timers may run late, so coming back to the tab checks the time since the last input.
 * `minutes` null: no lock (signed out, or the setting not read yet).
 */
export function useIdleLock(minutes: number | null, onIdle: (minutes: number) => void): void {
  const callback = useRef(onIdle);
  useEffect(() => {
    callback.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    if (!minutes) return;
    const limit = minutes * 60_000;
    let last = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let done = false;
    const lock = () => {
      if (done) return;
      done = true;
      callback.current(minutes);
    };
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(lock, limit);
    };
    const active = () => {
      const now = Date.now();
      // Pointer moves come many a second: re-arm at most once a second.
      if (now - last < 1000) return;
      last = now;
      arm();
    };
    const visible = () => {
      if (document.visibilityState === "visible" && Date.now() - last >= limit) lock();
    };
    for (const e of ACTIVITY) window.addEventListener(e, active, { capture: true, passive: true });
    document.addEventListener("visibilitychange", visible);
    arm();
    return () => {
      clearTimeout(timer);
      for (const e of ACTIVITY) window.removeEventListener(e, active, { capture: true });
      document.removeEventListener("visibilitychange", visible);
    };
  }, [minutes]);
}
