import { OrderCounter } from './order-counter.entity.js';
import { OrderDocument } from './order-document.entity.js';
import { OrderTemplate } from './order-template.entity.js';
import { CourtOrder } from './order.entity.js';

/** The orders module's entities (registered by OrdersModule). */
export const orderEntities = [OrderTemplate, CourtOrder, OrderDocument, OrderCounter];
