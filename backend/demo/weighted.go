package demo

import (
	"math"
	"math/rand/v2"
)

// weighted draws an index with probability proportional to its weight.
type weighted struct {
	cum []float64 // cumulative weights, strictly increasing over the positive weights
}

func newWeighted(weights []float64) weighted {
	cum := make([]float64, len(weights))
	total := 0.0
	for i, w := range weights {
		if w > 0 {
			total += w
		}
		cum[i] = total
	}
	return weighted{cum: cum}
}

// zipf weighs n ranks like Zipf's law: rank k gets 1/(k+offset)^s, so the first ranks are common
// and the last ones rare.
func zipf(n int, s, offset float64) weighted {
	w := make([]float64, n)
	for k := range w {
		w[k] = 1 / math.Pow(float64(k)+offset, s)
	}
	return newWeighted(w)
}

// pick returns an index; it must not be called on an empty or all-zero table.
func (w weighted) pick(r *rand.Rand) int {
	n := len(w.cum)
	x := r.Float64() * w.cum[n-1]
	lo, hi := 0, n-1
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if w.cum[mid] > x {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// chance is true with probability p.
func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

// pickWeights draws an index from a small literal list of weights.
func pickWeights(r *rand.Rand, weights []float64) int {
	total := 0.0
	for _, w := range weights {
		total += w
	}
	x := r.Float64() * total
	for i, w := range weights {
		if x < w {
			return i
		}
		x -= w
	}
	return len(weights) - 1
}
