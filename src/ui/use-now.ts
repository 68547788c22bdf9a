import { useEffect, useState } from 'preact/hooks';

/** Local epoch ms, re-read every `intervalMs` so running timers and the data age tick. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
