import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Random;

/**
 * Writes the demo project's orders: 3 000 rows, the same every run (fixed seed).
 * Run from this folder: java GenerateOrders.java > data/orders.csv
 */
public class GenerateOrders {

    static final String[][] COUNTRIES = {{"EMEA", "DE"}, {"EMEA", "FR"}, {"EMEA", "GB"}, {"EMEA", "NL"},
        {"AMER", "US"}, {"AMER", "CA"}, {"AMER", "BR"}, {"APAC", "JP"}, {"APAC", "AU"}, {"APAC", "SG"}};
    static final String[] PRODUCTS = {"Anvil", "Rocket Skates", "Giant Magnet", "Portable Hole", "Jet Pack", "Bird Seed"};
    static final String[] PRICES = {"49.90", "249.00", "89.50", "19.99", "999.00", "4.25"};
    static final String[] DOMAINS = {"acme.example", "globex.example", "initech.example", "umbrella.example", "partner.example"};

    public static void main(String[] args) {
        Random random = new Random(20241115L);
        LocalDate first = LocalDate.of(2023, 1, 1);
        System.out.println("order_id,order_date,region,country,product,customer_domain,quantity,amount");
        for (int id = 1; id <= 3000; id++) {
            String[] place = COUNTRIES[random.nextInt(COUNTRIES.length)];
            int product = random.nextInt(PRODUCTS.length);
            int quantity = 1 + random.nextInt(12);
            BigDecimal amount = new BigDecimal(PRICES[product]).multiply(BigDecimal.valueOf(quantity));
            System.out.println(String.join(",", String.valueOf(id), first.plusDays(random.nextInt(731)).toString(),
                    place[0], place[1], PRODUCTS[product], DOMAINS[random.nextInt(DOMAINS.length)],
                    String.valueOf(quantity), amount.toPlainString()));
        }
    }
}
