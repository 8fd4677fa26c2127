import { OrderDocument } from './order-document.entity.js';
import { OrderTemplate } from './order-template.entity.js';
import { CourtOrder } from './order.entity.js';

/** The orders module's entities (registered by OrdersModule); order_counters has none: its one statement is an atomic upsert. */
export const orderEntities = [OrderTemplate, CourtOrder, OrderDocument];
