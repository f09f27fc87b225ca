// Package iter is the standard package iter as Go source the interpreter
// runs.
package iter

// Seq is an iterator over sequences of individual values.
type Seq[V any] func(yield func(V) bool)

// Seq2 is an iterator over sequences of pairs of values.
type Seq2[K, V any] func(yield func(K, V) bool)

// Pull converts the push-style iterator seq into a pull-style iterator: next
// returns the next value and whether it is valid; stop ends the iteration.
func Pull[V any](seq Seq[V]) (next func() (V, bool), stop func()) {
	type item struct {
		v  V
		ok bool
	}
	items := make(chan item)
	quit := make(chan struct{})
	started, done := false, false
	run := func() {
		defer close(items)
		seq(func(v V) bool {
			select {
			case items <- item{v, true}:
				return true
			case <-quit:
				return false
			}
		})
	}
	next = func() (V, bool) {
		var zero V
		if done {
			return zero, false
		}
		if !started {
			started = true
			go run()
		}
		it, ok := <-items
		if !ok {
			done = true
			return zero, false
		}
		return it.v, it.ok
	}
	stop = func() {
		if done {
			return
		}
		done = true
		if started {
			close(quit)
			for range items {
			}
		}
	}
	return next, stop
}

// Pull2 converts the push-style iterator seq into a pull-style iterator of
// pairs.
func Pull2[K, V any](seq Seq2[K, V]) (next func() (K, V, bool), stop func()) {
	type item struct {
		k K
		v V
	}
	items := make(chan item)
	quit := make(chan struct{})
	started, done := false, false
	run := func() {
		defer close(items)
		seq(func(k K, v V) bool {
			select {
			case items <- item{k, v}:
				return true
			case <-quit:
				return false
			}
		})
	}
	next = func() (K, V, bool) {
		var k K
		var v V
		if done {
			return k, v, false
		}
		if !started {
			started = true
			go run()
		}
		it, ok := <-items
		if !ok {
			done = true
			return k, v, false
		}
		return it.k, it.v, true
	}
	stop = func() {
		if done {
			return
		}
		done = true
		if started {
			close(quit)
			for range items {
			}
		}
	}
	return next, stop
}
