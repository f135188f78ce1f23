/**
 * Synthetic Olist data: {@link org.olistdw.sample.SampleDataGenerator} writes the nine CSV files
 * of the published Brazilian e-commerce dataset, with their names, headers, formats, proportions and
 * quirks, at any scale, deterministically.
 *
 * <h2>How the scale maps to counts</h2>
 * <table>
 *   <caption>Rows per file at scale {@code s}</caption>
 *   <tr><th>file</th><th>rows</th></tr>
 *   <tr><td>orders, customers</td><td>{@code round(99,441 s)} exactly (one customer row per order)</td></tr>
 *   <tr><td>people ({@code customer_unique_id})</td><td>{@code round(96,096 s)} exactly; the other orders go
 *       to random people (~3 % repeat buyers)</td></tr>
 *   <tr><td>order items</td><td>≈ 112,650 s (drawn per order from the real items-per-order distribution;
 *       ~0.8 % of orders have none)</td></tr>
 *   <tr><td>payments</td><td>≈ 103,886 s (drawn per order)</td></tr>
 *   <tr><td>reviews</td><td>≈ 99,224 s (drawn per order)</td></tr>
 *   <tr><td>products</td><td>{@code round(32,951 s)} exactly</td></tr>
 *   <tr><td>sellers</td><td>{@code round(3,095 s)} exactly</td></tr>
 *   <tr><td>geolocation</td><td>{@code round(1,000,163 s)} exactly (at least one row per zip prefix)</td></tr>
 *   <tr><td>category translation</td><td>71 at every scale</td></tr>
 * </table>
 * Every count is at least 1.
 *
 * <p><b>Zip prefixes</b> scale linearly up to scale 1 ({@code round(19,015 s)}, at least 54 so that every
 * state has some) and stay at 19,015 above it: Brazil's zip codes do not multiply, so a larger sample has
 * more geolocation rows per prefix (≈ 53 at scale ≤ 1, ≈ 526 at scale 10). Each state gets prefixes inside
 * its real zip ranges in proportion to its share of the real geolocation rows (São Paulo ≈ 40 %), the
 * lowest ones for its capital, so São Paulo's prefixes start with {@code 0} and are written with their
 * leading zero ({@code 01037}). A further {@code round(157 min(s, 1))} (at least 1) prefixes are used by
 * ~0.3 % of customers and ~0.2 % of sellers but have no geolocation rows, as in the real data.
 *
 * <p><b>Rare quirks with a known real count</b> (1 order without payment, 1 order with 29 payments, 3
 * {@code not_defined} payments, 2 payments with 0 installments, 4 orders whose items' shipping limit is in
 * 2020, 8 delivered orders without delivery date, 14 without approval, 166 picked up before purchase, 4
 * orders with three reviews, 610 uncategorised products, 2 without weight and dimensions, 4 weighing 0 g,
 * 3 {@code pc_gamer} and 10 {@code portateis_cozinha_e_preparadores_de_alimentos} products, 25 dirty seller
 * cities, 30 geolocation rows outside Brazil) occur {@code max(1, round(count × s))} times, at evenly spread,
 * seed-dependent indexes: a tiny sample still has every quirk. Shares (statuses, late deliveries, payment
 * types, missing review texts, repeat buyers, duplicate reviews, duplicate geolocation rows...) are drawn
 * per entity with the real probabilities.
 *
 * <h2>How it streams</h2>
 * Every entity is a pure function of (seed, kind, index): its random numbers come from a
 * {@link java.util.SplittableRandom} seeded with a 64-bit mix of the three, and its id is 32 hex digits
 * derived from the same mix. Each file is one pass over its indexes that regenerates whatever it needs
 * (the payments pass regenerates the order and its items to know the amount due; items regenerate the
 * product to know its price). Guarantees that look global are arithmetic: a bijection of the order indexes
 * makes every product the first item of exactly one order (so every product and seller is sold) and gives
 * every person a first order; two neighbouring orders share a review id when their pair is drawn so.
 * Memory holds only fixed-size tables, never anything proportional to the scale.
 */
package org.olistdw.sample;
