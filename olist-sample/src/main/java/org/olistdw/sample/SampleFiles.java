package org.olistdw.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.olistdw.pipeline.source.SourceTable;
import org.olistdw.sample.Categories.Category;
import org.olistdw.sample.CsvSink.Layout;
import org.olistdw.sample.Marketplace.Product;
import org.olistdw.sample.Marketplace.Seller;
import org.olistdw.sample.OrderBook.Item;
import org.olistdw.sample.OrderBook.Order;
import org.olistdw.sample.OrderBook.Payment;
import org.olistdw.sample.OrderBook.Review;
import org.olistdw.sample.Seeds.Designated;
import org.olistdw.sample.Seeds.Kind;
import org.olistdw.sample.States.City;

/**
 * Writes each of the nine files in one streaming pass.
 *
 * <p>Quoting imitates the inconsistency of the published files with one fixed rule per file: every header
 * but the translation file's is quoted; in the reviews file ids and non-empty texts are quoted, in the
 * customers file every non-empty field is, in the geolocation file the zip prefix is; ids, zip prefixes
 * and names are bare in orders, items, payments, products and sellers. Whatever the rule, a field holding
 * a comma, a double quote or a line break is always quoted (RFC 4180). The translation file is written like
 * the published one: UTF-8 BOM, bare fields, CRLF line ends and no final newline.
 */
final class SampleFiles {

    /** Coordinates far outside Brazil, as a few published geolocation rows have. */
    private static final double[][] OUTSIDE_BRAZIL = {
        {42.18400305413155, -8.723762957872187}, {38.381672, -6.328678}, {41.15156, -8.62237},
        {29.409252, -98.484121}, {43.6845, -1.4489}, {14.585072541779, -121.10539381057}};

    private final Seeds seeds;
    private final SampleSize size;
    private final ZipPrefixes zips;
    private final Marketplace marketplace;
    private final OrderBook book;

    SampleFiles(Seeds seeds, SampleSize size) {
        this.seeds = seeds;
        this.size = size;
        this.zips = new ZipPrefixes(size, seeds);
        this.marketplace = new Marketplace(seeds, size, zips);
        this.book = new OrderBook(seeds, size, marketplace, zips);
    }

    /** Writes one file into {@code dir} and returns its number of data rows. */
    long write(SourceTable table, Path dir) throws IOException {
        Path file = dir.resolve(table.fileName());
        Layout layout = table == SourceTable.CATEGORY_TRANSLATION ? Layout.WINDOWS_NO_FINAL_NEWLINE : Layout.UNIX;
        try (CsvSink out = new CsvSink(file, layout)) {
            out.header(table.header(), table != SourceTable.CATEGORY_TRANSLATION);
            switch (table) {
                case ORDERS -> orders(out);
                case ORDER_ITEMS -> items(out);
                case ORDER_PAYMENTS -> payments(out);
                case ORDER_REVIEWS -> reviews(out);
                case CUSTOMERS -> customers(out);
                case PRODUCTS -> products(out);
                case SELLERS -> sellers(out);
                case GEOLOCATION -> geolocation(out);
                case CATEGORY_TRANSLATION -> translations(out);
            }
            return out.rows();
        }
    }

    private CsvSink id(CsvSink out, Kind kind, long index, boolean quote) throws IOException {
        long key = seeds.key(kind, index);
        return out.id(Seeds.mix(key ^ 0x5851F42D4C957F2DL), Seeds.mix(key ^ 0x14057B7EF767814FL), quote);
    }

    private void orders(CsvSink out) throws IOException {
        for (long i = 0; i < book.orders(); i++) {
            Order o = book.order(i);
            id(out, Kind.ORDER, i, false);
            id(out, Kind.CUSTOMER, i, false);
            out.text(o.status().text())
                    .timestamp(o.purchase())
                    .timestamp(o.approved())
                    .timestamp(o.carrier())
                    .timestamp(o.delivered())
                    .timestamp(o.estimated())
                    .endRow();
        }
    }

    private void items(CsvSink out) throws IOException {
        for (long i = 0; i < book.orders(); i++) {
            Item[] items = book.items(book.order(i));
            for (int k = 0; k < items.length; k++) {
                Item item = items[k];
                id(out, Kind.ORDER, i, false);
                out.integer(k + 1);
                id(out, Kind.PRODUCT, item.product(), false);
                id(out, Kind.SELLER, item.seller(), false);
                out.timestamp(item.shippingLimit())
                        .money(item.priceCents())
                        .money(item.freightCents())
                        .endRow();
            }
        }
    }

    private void payments(CsvSink out) throws IOException {
        for (long i = 0; i < book.orders(); i++) {
            Order order = book.order(i);
            Payment[] payments = book.payments(order, book.items(order));
            for (int k = 0; k < payments.length; k++) {
                Payment payment = payments[k];
                id(out, Kind.ORDER, i, false);
                out.integer(k + 1)
                        .text(payment.type())
                        .integer(payment.installments())
                        .money(payment.valueCents())
                        .endRow();
            }
        }
    }

    private void reviews(CsvSink out) throws IOException {
        for (long i = 0; i < book.orders(); i++) {
            for (Review review : book.reviews(book.order(i))) {
                id(out, Kind.REVIEW_ID, review.idIndex(), true);
                id(out, Kind.ORDER, i, true);
                out.integer(review.score())
                        .quoted(review.title())
                        .quoted(review.message())
                        .timestamp(review.created())
                        .timestamp(review.answered())
                        .endRow();
            }
        }
    }

    private void customers(CsvSink out) throws IOException {
        for (long i = 0; i < book.orders(); i++) {
            long person = book.personOf(i);
            int prefix = book.person(person).zipPrefix();
            id(out, Kind.CUSTOMER, i, true);
            id(out, Kind.PERSON, person, true);
            out.zipPrefix(zips.code(prefix), true)
                    .quoted(zips.city(prefix).plainName())
                    .quoted(zips.stateCode(prefix))
                    .endRow();
        }
    }

    private void products(CsvSink out) throws IOException {
        for (long p = 0; p < marketplace.products(); p++) {
            Product product = marketplace.product(p);
            id(out, Kind.PRODUCT, p, false);
            out.text(product.category());
            optional(out, product.nameLength());
            optional(out, product.descriptionLength());
            optional(out, product.photos());
            optional(out, product.weightGrams());
            optional(out, product.lengthCm());
            optional(out, product.heightCm());
            optional(out, product.widthCm());
            out.endRow();
        }
    }

    private static void optional(CsvSink out, int value) throws IOException {
        if (value == Marketplace.ABSENT) {
            out.empty();
        } else {
            out.integer(value);
        }
    }

    private void sellers(CsvSink out) throws IOException {
        for (long s = 0; s < marketplace.sellers(); s++) {
            Seller seller = marketplace.seller(s);
            id(out, Kind.SELLER, s, false);
            out.zipPrefix(zips.code(seller.zipPrefix()), false)
                    .text(seller.city())
                    .text(seller.state())
                    .endRow();
        }
    }

    /**
     * Rows grouped by prefix in code order. A quarter of the rows repeat the previous row exactly; in about
     * a third of the prefixes whose city has accents, some rows spell it with them.
     */
    private void geolocation(CsvSink out) throws IOException {
        long totalRows = size.geolocationRows();
        Designated outside = seeds.designated("coordinates outside Brazil", totalRows, size.rare(30));
        long row = 0;
        for (int z = 0; z < zips.geolocated(); z++) {
            SplittableRandom random = seeds.random(Kind.GEOLOCATION, z);
            City city = zips.city(z);
            boolean mixedSpelling = city.hasAccents() && random.nextDouble() < 0.35;
            String state = zips.stateCode(z);
            int code = zips.code(z);
            double latitude = 0;
            double longitude = 0;
            String name = city.plainName();
            long rows = zips.geolocationRows(z, totalRows);
            for (long r = 0; r < rows; r++, row++) {
                if (r == 0 || random.nextDouble() >= 0.26) {
                    latitude = zips.latitude(z) + random.nextDouble(-0.01, 0.01);
                    longitude = zips.longitude(z) + random.nextDouble(-0.01, 0.01);
                    name = mixedSpelling && random.nextDouble() < 0.3 ? city.name() : city.plainName();
                }
                double lat = latitude;
                double lng = longitude;
                if (outside.contains(row)) {
                    double[] far = OUTSIDE_BRAZIL[(int) Math.floorMod(row, (long) OUTSIDE_BRAZIL.length)];
                    lat = far[0];
                    lng = far[1];
                }
                out.zipPrefix(code, true)
                        .coordinate(lat)
                        .coordinate(lng)
                        .text(name)
                        .text(state)
                        .endRow();
            }
        }
    }

    private static void translations(CsvSink out) throws IOException {
        for (Category category : Categories.TRANSLATED) {
            out.text(category.portuguese()).text(category.english()).endRow();
        }
    }
}
