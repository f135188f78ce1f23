package org.olistdw.sample;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The 73 Portuguese product category names of the published data: 71 with their English translation, in
 * the order of the published translation file, and the two that the translation file lacks. Weights are
 * the approximate number of products per category in the published products file.
 */
final class Categories {

    /** One category name and its translation (null when the translation file lacks it). */
    record Category(String portuguese, String english, int products) {
    }

    /** Categories used by products but missing from the translation file. */
    static final String PC_GAMER = "pc_gamer";
    static final String KITCHEN_PORTABLES = "portateis_cozinha_e_preparadores_de_alimentos";

    /** The 71 translated categories, in the order of the published translation file. */
    static final List<Category> TRANSLATED = List.of(
            new Category("beleza_saude", "health_beauty", 2444),
            new Category("informatica_acessorios", "computers_accessories", 1639),
            new Category("automotivo", "auto", 1900),
            new Category("cama_mesa_banho", "bed_bath_table", 3029),
            new Category("moveis_decoracao", "furniture_decor", 2657),
            new Category("esporte_lazer", "sports_leisure", 2867),
            new Category("perfumaria", "perfumery", 868),
            new Category("utilidades_domesticas", "housewares", 2335),
            new Category("telefonia", "telephony", 1134),
            new Category("relogios_presentes", "watches_gifts", 1329),
            new Category("alimentos_bebidas", "food_drink", 104),
            new Category("bebes", "baby", 919),
            new Category("papelaria", "stationery", 849),
            new Category("tablets_impressao_imagem", "tablets_printing_image", 9),
            new Category("brinquedos", "toys", 1411),
            new Category("telefonia_fixa", "fixed_telephony", 116),
            new Category("ferramentas_jardim", "garden_tools", 753),
            new Category("fashion_bolsas_e_acessorios", "fashion_bags_accessories", 849),
            new Category("eletroportateis", "small_appliances", 231),
            new Category("consoles_games", "consoles_games", 317),
            new Category("audio", "audio", 58),
            new Category("fashion_calcados", "fashion_shoes", 173),
            new Category("cool_stuff", "cool_stuff", 789),
            new Category("malas_acessorios", "luggage_accessories", 349),
            new Category("climatizacao", "air_conditioning", 124),
            new Category("construcao_ferramentas_construcao", "construction_tools_construction", 400),
            new Category("moveis_cozinha_area_de_servico_jantar_e_jardim", "kitchen_dining_laundry_garden_furniture", 94),
            new Category("construcao_ferramentas_jardim", "costruction_tools_garden", 88),
            new Category("fashion_roupa_masculina", "fashion_male_clothing", 95),
            new Category("pet_shop", "pet_shop", 719),
            new Category("moveis_escritorio", "office_furniture", 309),
            new Category("market_place", "market_place", 104),
            new Category("eletronicos", "electronics", 517),
            new Category("eletrodomesticos", "home_appliances", 370),
            new Category("artigos_de_festas", "party_supplies", 26),
            new Category("casa_conforto", "home_confort", 111),
            new Category("construcao_ferramentas_ferramentas", "costruction_tools_tools", 39),
            new Category("agro_industria_e_comercio", "agro_industry_and_commerce", 74),
            new Category("moveis_colchao_e_estofado", "furniture_mattress_and_upholstery", 10),
            new Category("livros_tecnicos", "books_technical", 123),
            new Category("casa_construcao", "home_construction", 225),
            new Category("instrumentos_musicais", "musical_instruments", 289),
            new Category("moveis_sala", "furniture_living_room", 156),
            new Category("construcao_ferramentas_iluminacao", "construction_tools_lights", 78),
            new Category("industria_comercio_e_negocios", "industry_commerce_and_business", 68),
            new Category("alimentos", "food", 82),
            new Category("artes", "art", 55),
            new Category("moveis_quarto", "furniture_bedroom", 45),
            new Category("livros_interesse_geral", "books_general_interest", 216),
            new Category("construcao_ferramentas_seguranca", "construction_tools_safety", 91),
            new Category("fashion_underwear_e_moda_praia", "fashion_underwear_beach", 53),
            new Category("fashion_esporte", "fashion_sport", 19),
            new Category("sinalizacao_e_seguranca", "signaling_and_security", 93),
            new Category("pcs", "computers", 30),
            new Category("artigos_de_natal", "christmas_supplies", 65),
            new Category("fashion_roupa_feminina", "fashio_female_clothing", 33),
            new Category("eletrodomesticos_2", "home_appliances_2", 90),
            new Category("livros_importados", "books_imported", 31),
            new Category("bebidas", "drinks", 81),
            new Category("cine_foto", "cine_photo", 28),
            new Category("la_cuisine", "la_cuisine", 10),
            new Category("musica", "music", 27),
            new Category("casa_conforto_2", "home_comfort_2", 5),
            new Category("portateis_casa_forno_e_cafe", "small_appliances_home_oven_and_coffee", 31),
            new Category("cds_dvds_musicais", "cds_dvds_musicals", 1),
            new Category("dvds_blu_ray", "dvds_blu_ray", 48),
            new Category("flores", "flowers", 14),
            new Category("artes_e_artesanato", "arts_and_craftmanship", 19),
            new Category("fraldas_higiene", "diapers_and_hygiene", 12),
            new Category("fashion_roupa_infanto_juvenil", "fashion_childrens_clothes", 5),
            new Category("seguros_e_servicos", "security_and_services", 2));

    private static final double[] CUMULATIVE =
            Draws.cumulative(TRANSLATED.stream().mapToDouble(Category::products).toArray());

    private Categories() {
    }

    /** A translated category name drawn with the real product shares. */
    static String draw(SplittableRandom random) {
        return TRANSLATED.get(Draws.pick(CUMULATIVE, random.nextDouble())).portuguese();
    }
}
