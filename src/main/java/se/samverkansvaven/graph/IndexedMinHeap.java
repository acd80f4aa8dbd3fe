package se.samverkansvaven.graph;

/**
 * A binary min-heap of vertices 0..n-1 with decrease-key, ordered by keys held elsewhere (Dijkstra's tentative
 * distances): O(log n) per insert, decrease and poll, no allocation after construction.
 */
final class IndexedMinHeap {

    /** The order of the keys: whether a's key is strictly less than b's. */
    interface Order {
        boolean less(int a, int b);
    }

    private final int[] heap;
    private final int[] position;
    private final Order order;
    private int size;

    IndexedMinHeap(int n, Order order) {
        this.heap = new int[n];
        this.position = new int[n];
        this.order = order;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void insert(int v) {
        heap[size] = v;
        position[v] = size;
        up(size++);
    }

    /** v's key has decreased. */
    void decreased(int v) {
        up(position[v]);
    }

    int poll() {
        int top = heap[0];
        int last = heap[--size];
        if (size > 0) {
            heap[0] = last;
            position[last] = 0;
            down(0);
        }
        return top;
    }

    private void up(int i) {
        int v = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            int p = heap[parent];
            if (!order.less(v, p)) {
                break;
            }
            heap[i] = p;
            position[p] = i;
            i = parent;
        }
        heap[i] = v;
        position[v] = i;
    }

    private void down(int i) {
        int v = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int c = heap[child];
            int right = child + 1;
            if (right < size && order.less(heap[right], c)) {
                child = right;
                c = heap[child];
            }
            if (!order.less(c, v)) {
                break;
            }
            heap[i] = c;
            position[c] = i;
            i = child;
        }
        heap[i] = v;
        position[v] = i;
    }
}
