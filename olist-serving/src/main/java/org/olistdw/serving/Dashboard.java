package org.olistdw.serving;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The six dashboards, each a page ({@code /<slug>}) and its figures as JSON ({@code /api/<slug>}). */
public enum Dashboard {

    /**
     * Revenue, orders, average order value and growth by month ({@code mart_executive_dashboard}); for a state
     * or a category, the same measures without growth ({@code mart_sales_by_state_category}).
     */
    EXECUTIVE("executive", "Executive", List.of(Filter.FROM, Filter.TO, Filter.STATE, Filter.CATEGORY)),
    /** Cohort retention and RFM segments ({@code mart_customer_cohorts}, {@code mart_customer_analytics}). */
    CUSTOMERS("customers", "Customers", List.of(Filter.FROM, Filter.TO, Filter.STATE)),
    /**
     * Categories by month, the top products and the review scores ({@code mart_product_performance},
     * {@code mart_product_totals}, {@code mart_product_monthly}, {@code mart_review_scores}); for a state, the
     * categories' figures of {@code mart_sales_by_state_category} (the top products and review scores stay those
     * of every state).
     */
    PRODUCTS("products", "Products", List.of(Filter.FROM, Filter.TO, Filter.STATE, Filter.CATEGORY)),
    /** The sellers' scorecard ({@code mart_seller_scorecard}); for a period, {@code mart_seller_monthly}'s sums. */
    SELLERS("sellers", "Sellers", List.of(Filter.FROM, Filter.TO, Filter.STATE)),
    /**
     * On-time share, late orders and delivery days ({@code mart_delivery_metrics}, {@code mart_delivery_by_state});
     * for a category, delivered and late orders without days ({@code mart_sales_by_state_category}).
     */
    DELIVERY("delivery", "Delivery", List.of(Filter.FROM, Filter.TO, Filter.STATE, Filter.CATEGORY)),
    /**
     * Revenue and delivery by state ({@code mart_geographic_analysis}, {@code mart_delivery_by_state}); for a
     * period or a category, {@code mart_sales_by_state_category}'s sums.
     */
    GEOGRAPHY("geography", "Geography", List.of(Filter.FROM, Filter.TO, Filter.STATE, Filter.CATEGORY));

    /** The query parameters a dashboard may be filtered by. */
    public enum Filter {
        /** First month of the period, {@code yyyy-MM}, inclusive. */
        FROM("from"),
        /** Last month of the period, {@code yyyy-MM}, inclusive. */
        TO("to"),
        /** A two-letter Brazilian state code. */
        STATE("state"),
        /** A product category as the marts name it (Portuguese). */
        CATEGORY("category");

        private final String parameter;

        Filter(String parameter) {
            this.parameter = parameter;
        }

        /** The query parameter's name. */
        public String parameter() {
            return parameter;
        }
    }

    private final String slug;
    private final String title;
    private final List<Filter> filters;

    Dashboard(String slug, String title, List<Filter> filters) {
        this.slug = slug;
        this.title = title;
        this.filters = filters;
    }

    /** The dashboard's name in its paths, e.g. {@code executive}. */
    public String slug() {
        return slug;
    }

    /** The dashboard's title. */
    public String title() {
        return title;
    }

    /** The filters this dashboard accepts, in the order its form shows them. */
    public List<Filter> filters() {
        return filters;
    }

    /** The dashboard with this slug. */
    public static Optional<Dashboard> ofSlug(String slug) {
        return Arrays.stream(values()).filter(dashboard -> dashboard.slug.equals(slug)).findFirst();
    }
}
