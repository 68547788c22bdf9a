/** The shape of the background's handler table: one typed function per message name. */
import type { MessageName, RequestOf, ResponseOf } from '../../shared/messages';

export type Handler<N extends MessageName> = (data: RequestOf<N>) => Promise<ResponseOf<N>>;
export type HandlerTable = { [N in MessageName]: Handler<N> };
