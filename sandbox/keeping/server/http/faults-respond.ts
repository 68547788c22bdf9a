/** What each queued fault looks like on the wire. */
import type { ServerResponse } from 'node:http';
import type { Fault } from './faults';
import type { Lang } from './messages';
import type { RateDecision } from './rate-limiter';
import { errorJson, rateHeaders, write } from './respond';

const LOAD_BALANCER_PAGE =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n' +
  '<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/** Writes the fault's response and returns its status; a hang writes nothing and returns 0. */
export function respondWithFault(
  res: ServerResponse,
  fault: Fault,
  lang: Lang,
  decision: RateDecision,
  nowMs: number,
): number {
  const headers = rateHeaders(decision, nowMs);
  switch (fault.kind) {
    case 'rate_limit': {
      const retry = fault.retryAfterSeconds ?? 60;
      write(res, 429, errorJson(lang, 'rate_limited'), {
        ...headers,
        'X-RateLimit-Remaining': '0',
        'Retry-After': String(retry),
        'X-RateLimit-Reset': String(Math.ceil(nowMs / 1000) + retry),
      });
      return 429;
    }
    case 'server_error':
      write(res, 500, errorJson(lang, 'server_error'), headers);
      return 500;
    case 'html':
      // The load balancer answers before the application, so none of Keeping's headers are there.
      write(res, 502, LOAD_BALANCER_PAGE, {}, 'text/html');
      return 502;
    case 'malformed_json':
      write(res, 200, '{"time_entries":[{"id":20130001,"user_id":55401,"date":"2026-', headers);
      return 200;
    case 'wrong_shape':
      write(res, 200, JSON.stringify({ data: { items: 'unexpected', count: '3' }, status: 'ok' }), headers);
      return 200;
    case 'oversized_page': {
      const perPage = 100;
      const items = Array.from({ length: perPage + 1 }, (_, index) => ({ id: index + 1 }));
      const meta = { total: perPage + 1, per_page: perPage, current_page: 1, last_page: 1, total_hours: 0 };
      write(res, 200, JSON.stringify({ time_entries: items, meta }), headers);
      return 200;
    }
    case 'hang':
      return 0;
  }
}
