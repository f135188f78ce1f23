package org.olistdw.pipeline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.olistdw.pipeline.BuildGraph.Node;

/**
 * Runs the nodes of a {@link BuildGraph} on a bounded number of threads: a node starts once every node it
 * depends on has succeeded, and among the nodes ready to start, the one first in graph order starts first.
 * With a parallelism of one the nodes run one after another in graph order.
 *
 * <p>On the first failure no further node starts; the nodes already running are waited for, then that failure
 * is thrown. Nothing is left running when {@link #run} returns or throws.
 */
final class GraphExecutor {

    /** Runs one node; called from the executor's threads, possibly for several nodes at once. */
    @FunctionalInterface
    interface NodeTask {
        void run(Node node) throws Exception;
    }

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final int parallelism;

    /** @param parallelism how many nodes may run at once, at least one */
    GraphExecutor(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        this.parallelism = parallelism;
    }

    /**
     * Runs {@code task} for every node of {@code graph}, each after those it depends on.
     *
     * @throws RuntimeException the first failure of a task, as thrown (a checked exception wrapped in an
     *                          {@link IllegalStateException})
     */
    void run(BuildGraph graph, NodeTask task) {
        List<Node> order = graph.nodes();
        if (order.isEmpty()) {
            return;
        }
        Map<String, Integer> position = new HashMap<>();
        int[] waiting = new int[order.size()];
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i).taskName(), i);
            waiting[i] = graph.upstream(order.get(i)).size();
            if (waiting[i] == 0) {
                ready.add(i);
            }
        }
        int threads = Math.min(parallelism, order.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads, threadFactory());
        CompletionService<Integer> finished = new ExecutorCompletionService<>(pool);
        int running = 0;
        int succeeded = 0;
        Throwable failure = null;
        boolean interrupted = false;
        try {
            while (true) {
                while (failure == null && running < threads && !ready.isEmpty()) {
                    int next = ready.poll();
                    Node node = order.get(next);
                    finished.submit(() -> {
                        task.run(node);
                        return next;
                    });
                    running++;
                }
                if (running == 0) {
                    break;
                }
                Future<Integer> done;
                try {
                    done = finished.take();
                } catch (InterruptedException e) {
                    interrupted = true;
                    if (failure == null) {
                        failure = new IllegalStateException("interrupted while running the build graph", e);
                    }
                    continue;
                }
                running--;
                try {
                    int index = done.get();
                    succeeded++;
                    for (Node reader : graph.downstream(order.get(index))) {
                        int at = position.get(reader.taskName());
                        if (--waiting[at] == 0) {
                            ready.add(at);
                        }
                    }
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause();
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            pool.shutdown();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new IllegalStateException(failure.getMessage(), failure);
        }
        if (succeeded != order.size()) {
            throw new IllegalStateException("only " + succeeded + " of " + order.size() + " nodes ran");
        }
    }

    private static ThreadFactory threadFactory() {
        int pool = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "olist-graph-" + pool + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
