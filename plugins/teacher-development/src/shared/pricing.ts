// What enrolment (learning) needs of pricing: whether the free week still runs, the course's
// price, and the payment. The rules stay in the pricing feature; this is their declared surface.
export { payForEnrolment } from '../pricing/payment.js';
export { inFreeWeek, recomputePrice, storedPrice } from '../pricing/store.js';
