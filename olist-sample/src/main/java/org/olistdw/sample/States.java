package org.olistdw.sample;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The 27 Brazilian federative units with their zip code ranges, the share each has of the published
 * geolocation rows, customers and sellers (São Paulo dominates all three), the capital's coordinates and
 * a few of their cities, capital first, in lowercase Portuguese with accents.
 */
final class States {

    /** One federative unit. Shares are relative weights; zip ranges are inclusive 5-digit prefixes. */
    record State(String code, int[][] zipRanges, double geolocationShare, double customerShare,
            double sellerShare, double capitalLatitude, double capitalLongitude, List<City> cities) {

        int zipRangeLength() {
            int length = 0;
            for (int[] range : zipRanges) {
                length += range[1] - range[0] + 1;
            }
            return length;
        }

        /** The k-th zip prefix of this state's ranges, counting from 0. */
        int zipAt(int k) {
            for (int[] range : zipRanges) {
                int size = range[1] - range[0] + 1;
                if (k < size) {
                    return range[0] + k;
                }
                k -= size;
            }
            throw new IllegalArgumentException("zip offset beyond the ranges of " + code);
        }
    }

    /** A city: its name with accents, the plain-ASCII spelling most files use, and a weight. */
    record City(String name, String plainName, double weight) {
        boolean hasAccents() {
            return !name.equals(plainName);
        }
    }

    static final List<State> ALL = List.of(
            state("SP", r(1000, 19999), 404_268, 41_746, 1849, -23.5505, -46.6333,
                    "são paulo", "campinas", "guarulhos", "são bernardo do campo", "santo andré", "osasco",
                    "ribeirão preto", "sorocaba", "santos", "são josé dos campos", "jundiaí", "piracicaba",
                    "bauru", "franca", "mogi das cruzes", "são josé do rio preto", "taubaté", "barueri",
                    "marília", "araraquara", "são carlos", "americana", "limeira", "presidente prudente",
                    "itapetininga", "ibitinga"),
            state("RJ", r(20000, 28999), 121_169, 12_852, 171, -22.9068, -43.1729,
                    "rio de janeiro", "niterói", "nova iguaçu", "duque de caxias", "são gonçalo", "petrópolis",
                    "volta redonda", "campos dos goytacazes", "macaé", "teresópolis", "cabo frio",
                    "angra dos reis"),
            state("ES", r(29000, 29999), 16_748, 2_033, 23, -20.3155, -40.3128,
                    "vitória", "vila velha", "serra", "cariacica", "cachoeiro de itapemirim", "linhares",
                    "guarapari", "colatina"),
            state("MG", r(30000, 39999), 126_336, 11_635, 244, -19.9167, -43.9345,
                    "belo horizonte", "contagem", "uberlândia", "juiz de fora", "betim", "montes claros",
                    "uberaba", "governador valadares", "ipatinga", "divinópolis", "poços de caldas",
                    "varginha", "sete lagoas", "pouso alegre"),
            state("BA", r(40000, 48999), 36_045, 3_380, 19, -12.9714, -38.5014,
                    "salvador", "feira de santana", "vitória da conquista", "camaçari", "itabuna", "ilhéus",
                    "juazeiro", "lauro de freitas", "barreiras", "porto seguro"),
            state("SE", r(49000, 49999), 3_563, 350, 2, -10.9472, -37.0731,
                    "aracaju", "nossa senhora do socorro", "lagarto", "itabaiana", "são cristóvão"),
            state("PE", r(50000, 56999), 16_432, 1_652, 9, -8.0476, -34.8770,
                    "recife", "jaboatão dos guararapes", "olinda", "caruaru", "petrolina", "paulista",
                    "cabo de santo agostinho", "garanhuns"),
            state("AL", r(57000, 57999), 4_183, 413, 1, -9.6498, -35.7089,
                    "maceió", "arapiraca", "palmeira dos índios", "rio largo", "penedo"),
            state("PB", r(58000, 58999), 5_538, 536, 6, -7.1195, -34.8450,
                    "joão pessoa", "campina grande", "santa rita", "patos", "bayeux", "sousa"),
            state("RN", r(59000, 59999), 5_041, 485, 5, -5.7945, -35.2110,
                    "natal", "mossoró", "parnamirim", "são gonçalo do amarante", "caicó"),
            state("CE", r(60000, 63999), 11_674, 1_336, 13, -3.7319, -38.5267,
                    "fortaleza", "caucaia", "juazeiro do norte", "maracanaú", "sobral", "crato", "itapipoca"),
            state("PI", r(64000, 64999), 4_549, 495, 1, -5.0920, -42.8038,
                    "teresina", "parnaíba", "picos", "piripiri", "floriano"),
            state("MA", r(65000, 65999), 7_853, 747, 1, -2.5307, -44.3068,
                    "são luís", "imperatriz", "timon", "caxias", "codó", "bacabal"),
            state("PA", r(66000, 68899), 10_853, 975, 1, -1.4558, -48.4902,
                    "belém", "ananindeua", "santarém", "marabá", "castanhal", "parauapebas", "abaetetuba"),
            state("AP", r(68900, 68999), 853, 68, 0.5, 0.0349, -51.0694,
                    "macapá", "santana", "laranjal do jari", "oiapoque"),
            state("AM", r(69000, 69299, 69400, 69899), 2_432, 148, 1, -3.1190, -60.0217,
                    "manaus", "parintins", "itacoatiara", "manacapuru", "coari"),
            state("RR", r(69300, 69399), 646, 46, 0.5, 2.8235, -60.6758,
                    "boa vista", "rorainópolis", "caracaraí"),
            state("AC", r(69900, 69999), 1_301, 81, 1, -9.9754, -67.8249,
                    "rio branco", "cruzeiro do sul", "sena madureira"),
            state("DF", r(70000, 72799, 73000, 73699), 12_986, 2_140, 30, -15.7939, -47.8828,
                    "brasília", "taguatinga", "ceilândia", "gama", "sobradinho", "guará", "águas claras"),
            state("GO", r(72800, 72999, 73700, 76799), 20_139, 2_020, 40, -16.6869, -49.2648,
                    "goiânia", "aparecida de goiânia", "anápolis", "rio verde", "luziânia",
                    "águas lindas de goiás", "valparaíso de goiás", "catalão", "itumbiara", "jataí"),
            state("RO", r(76800, 76999), 3_478, 253, 2, -8.7612, -63.9004,
                    "porto velho", "ji-paraná", "ariquemes", "vilhena", "cacoal"),
            state("TO", r(77000, 77999), 3_576, 280, 0.5, -10.1840, -48.3336,
                    "palmas", "araguaína", "gurupi", "porto nacional", "paraíso do tocantins"),
            state("MT", r(78000, 78899), 12_031, 907, 4, -15.6014, -56.0979,
                    "cuiabá", "várzea grande", "rondonópolis", "sinop", "tangará da serra", "cáceres",
                    "sorriso"),
            state("MS", r(79000, 79999), 10_431, 715, 5, -20.4697, -54.6201,
                    "campo grande", "dourados", "três lagoas", "corumbá", "ponta porã"),
            state("PR", r(80000, 87999), 57_859, 5_045, 349, -25.4284, -49.2733,
                    "curitiba", "londrina", "maringá", "ponta grossa", "cascavel", "são josé dos pinhais",
                    "foz do iguaçu", "colombo", "guarapuava", "paranaguá", "apucarana", "toledo"),
            state("SC", r(88000, 89999), 38_328, 3_637, 190, -27.5954, -48.5480,
                    "florianópolis", "joinville", "blumenau", "são josé", "chapecó", "itajaí", "criciúma",
                    "jaraguá do sul", "palhoça", "lages", "balneário camboriú", "brusque"),
            state("RS", r(90000, 99999), 61_851, 5_466, 129, -30.0346, -51.2177,
                    "porto alegre", "caxias do sul", "pelotas", "canoas", "santa maria", "gravataí",
                    "novo hamburgo", "são leopoldo", "rio grande", "passo fundo", "santa cruz do sul",
                    "bento gonçalves"));

    private static final double[] CUSTOMER_CUMULATIVE =
            Draws.cumulative(ALL.stream().mapToDouble(State::customerShare).toArray());
    private static final double[] SELLER_CUMULATIVE =
            Draws.cumulative(ALL.stream().mapToDouble(State::sellerShare).toArray());

    private States() {
    }

    /** A state index drawn with the customers' real shares. */
    static int drawForCustomer(SplittableRandom random) {
        return Draws.pick(CUSTOMER_CUMULATIVE, random.nextDouble());
    }

    /** A state index drawn with the sellers' real shares. */
    static int drawForSeller(SplittableRandom random) {
        return Draws.pick(SELLER_CUMULATIVE, random.nextDouble());
    }

    /** Lowercase ASCII without accents, as most Olist files spell cities ({@code são paulo} → {@code sao paulo}). */
    static String plain(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    private static int[][] r(int... bounds) {
        int[][] ranges = new int[bounds.length / 2][];
        for (int i = 0; i < ranges.length; i++) {
            ranges[i] = new int[] {bounds[2 * i], bounds[2 * i + 1]};
        }
        return ranges;
    }

    private static State state(String code, int[][] zipRanges, double geolocation, double customers,
            double sellers, double latitude, double longitude, String... cityNames) {
        List<City> cities = new ArrayList<>();
        for (int i = 0; i < cityNames.length; i++) {
            // The capital holds about 40 % of a state's zip prefixes; the others follow a Zipf-like tail.
            double weight = i == 0 ? 0.4 * harmonic(cityNames.length - 1) / 0.6 : 1.0 / i;
            cities.add(new City(cityNames[i], plain(cityNames[i]), weight));
        }
        return new State(code, zipRanges, geolocation, customers, sellers, latitude, longitude, List.copyOf(cities));
    }

    private static double harmonic(int n) {
        double sum = 0;
        for (int i = 1; i <= n; i++) {
            sum += 1.0 / i;
        }
        return Math.max(sum, 1);
    }
}
