/**
 * Routes every runtime message to its handler after deciding who is asking (docs/architecture.md, Sender
 * tiers): extension pages may send everything, content scripts only CONTENT_SCRIPT_MESSAGES, anything else
 * nothing. Each answer is a Reply; errors cross serialised.
 */
import { toUrenbrugError, UrenbrugError } from '../../shared/errors';
import {
  CONTENT_SCRIPT_MESSAGES,
  encodeReply,
  isEnvelope,
  type MessageName,
  type Reply,
} from '../../shared/messages';
import type { HandlerTable } from './table';

export type SenderTier = 'extension' | 'content';

/** The parts of runtime.MessageSender the decision needs. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { url?: string };
}

export interface SelfIdentity {
  /** browser.runtime.id */
  id: string;
  /** browser.runtime.getURL(''), e.g. "chrome-extension://<id>/" */
  origin: string;
}

/**
 * Which tier a sender belongs to, or null when it belongs to none. sender.url is the sending
 * frame's own URL as the browser reports it, which a web page cannot forge.
 */
export function senderTier(sender: Sender, self: SelfIdentity): SenderTier | null {
  if (sender.id !== self.id) return null;
  const fromOwnPage = typeof sender.url === 'string' && sender.url.startsWith(self.origin);
  if (fromOwnPage) {
    // An extension page opened in a tab (options) has a tab too. Chrome leaves tab.url out
    // without the "tabs" permission; a tab URL that is present must be ours, otherwise our page
    // is framed inside someone else's.
    if (!sender.tab || sender.tab.url === undefined || sender.tab.url.startsWith(self.origin))
      return 'extension';
    return null;
  }
  return sender.tab ? 'content' : null;
}

function refuse(message: string, code: 'not_allowed' | 'invalid_request'): Reply {
  return { ok: false, error: new UrenbrugError(code, message).toJSON() };
}

/**
 * The runtime.onMessage listener. Returns undefined for messages that are not Urenbrug envelopes
 * (no answer), otherwise a Promise of the Reply, which webextension-polyfill sends back.
 */
export function createRouter(handlers: HandlerTable, self: () => SelfIdentity) {
  return (message: unknown, sender: Sender): Promise<Reply> | undefined => {
    if (!isEnvelope(message)) return undefined;
    return route(handlers, self(), message.name, message.data, sender);
  };
}

async function route(
  handlers: HandlerTable,
  self: SelfIdentity,
  name: string,
  data: unknown,
  sender: Sender,
): Promise<Reply> {
  const tier = senderTier(sender, self);
  if (tier === null) return refuse('Unknown sender', 'not_allowed');
  // Own properties only: "constructor" or "__proto__" must not reach Object.prototype.
  if (!Object.hasOwn(handlers, name)) return refuse(`Unknown message: ${name}`, 'invalid_request');
  const messageName = name as MessageName;
  if (tier === 'content' && !CONTENT_SCRIPT_MESSAGES.has(messageName)) {
    return refuse(`Content scripts may not send ${messageName}`, 'not_allowed');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return refuse('Message data must be an object', 'invalid_request');
  }
  try {
    const handler = handlers[messageName] as (request: unknown) => Promise<unknown>;
    const value = encodeReply(messageName, await handler(data));
    return { ok: true, value } as Reply;
  } catch (error) {
    return { ok: false, error: toUrenbrugError(error).toJSON() };
  }
}
