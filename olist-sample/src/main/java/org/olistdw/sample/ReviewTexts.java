package org.olistdw.sample;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Portuguese review titles and messages in the style of the published reviews: short, informal, with
 * accents, commas, now and then a quoted word (written with double quotes) and line breaks.
 */
final class ReviewTexts {

    private static final List<String> GOOD_TITLES = List.of(
            "Ótimo", "Recomendo", "Muito bom", "Excelente", "Super recomendo", "Adorei", "Nota 10",
            "Perfeito", "Ótimo produto", "Entrega rápida", "Satisfeita", "Amei", "Bom", "Top", "Maravilhoso");
    private static final List<String> BAD_TITLES = List.of(
            "Não recebi", "Péssimo", "Produto com defeito", "Atrasou", "Ruim", "Não recomendo",
            "Produto errado", "Decepcionado", "Veio faltando", "Horrível", "Insatisfeito");
    private static final List<String> NEUTRAL_TITLES = List.of(
            "Razoável", "Regular", "Mais ou menos", "Bom, mas atrasou", "Ok", "Poderia ser melhor");

    private static final List<String> GOOD = List.of(
            "Recebi bem antes do prazo estipulado.",
            "Produto de ótima qualidade, chegou antes do prazo",
            "Muito bom, recomendo",
            "Entrega rápida e produto conforme a descrição.",
            "Adorei o produto, é exatamente como na foto",
            "Chegou tudo certinho, bem embalado",
            "Parabéns lojas lannister, adorei comprar pela internet, seguro e prático",
            "Ótimo custo-benefício, minha filha amou",
            "Vendedor confiável, produto ok e entrega antes do prazo.",
            "Excelente atendimento, voltarei a comprar",
            "Super recomendo, veio com nota fiscal e manual em português");
    private static final List<String> BAD = List.of(
            "Não recebi o produto até agora",
            "Comprei dois itens e só chegou um, aguardo retorno",
            "O produto veio com defeito, quero a devolução do dinheiro",
            "Péssimo, a entrega atrasou mais de 10 dias",
            "Veio diferente do anunciado, a cor não é a mesma da foto",
            "Não gostei, material de baixa qualidade",
            "Entrei em contato com a loja e ninguém respondeu",
            "Recebi o produto errado, solicito a troca");
    private static final List<String> QUOTING = List.of(
            "O produto é \"original\" mesmo, estou satisfeita",
            "Produto \"novo\" veio com a caixa aberta e riscado",
            "Ainda não recebi, o rastreamento diz \"objeto em trânsito\" há semanas",
            "Na embalagem estava escrito \"frágil\", mesmo assim chegou inteiro");
    private static final List<String> NEUTRAL = List.of(
            "O produto é bom, mas a entrega demorou",
            "Razoável, esperava mais pelo preço",
            "Chegou no prazo, porém a embalagem estava amassada",
            "Produto ok, nada demais",
            "Atendeu às expectativas, mas o tamanho é menor do que parece");

    private ReviewTexts() {
    }

    static String title(int score, SplittableRandom random) {
        return pick(score >= 4 ? GOOD_TITLES : score <= 2 ? BAD_TITLES : NEUTRAL_TITLES, random);
    }

    /**
     * A message of one to three sentences; about one in twelve spans several lines (CRLF or LF, as in
     * the published file) and one in fifty quotes a word.
     */
    static String message(int score, SplittableRandom random) {
        List<String> pool = score >= 4 ? GOOD : score <= 2 ? BAD : NEUTRAL;
        String message = random.nextDouble() < 0.02 ? pick(QUOTING, random) : pick(pool, random);
        int more = random.nextDouble() < 0.25 ? 1 + random.nextInt(2) : 0;
        boolean multiLine = random.nextDouble() < 0.08;
        for (int k = 0; k < more || (multiLine && k == 0); k++) {
            String separator = multiLine ? (random.nextBoolean() ? "\r\n" : "\n") : ", ";
            message = message + separator + lower(pick(pool, random), multiLine);
        }
        return message;
    }

    private static String lower(String sentence, boolean keep) {
        return keep ? sentence : Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
    }

    private static String pick(List<String> pool, SplittableRandom random) {
        return pool.get(random.nextInt(pool.size()));
    }
}
