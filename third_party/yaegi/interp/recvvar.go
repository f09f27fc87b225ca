package interp

import (
	"reflect"
	"unsafe"
)

var doneChanType = reflect.TypeFor[chan struct{}]()

// isRecvIntoVar reports whether the receive n writes straight into the
// frame slot of a variable (x = <-c, x := <-c) or of a result (return <-c).
func isRecvIntoVar(n *node) bool {
	a := n.anc
	if n.fnext != nil || a == nil {
		return false
	}
	if a.kind == returnStmt {
		return true
	}
	if a.action != aAssign || (a.kind != assignStmt && a.kind != defineStmt) || len(a.child) != 2 || a.child[1] != n {
		return false
	}
	d := a.child[0]
	return d.kind == identExpr && d.findex == n.findex && d.level == n.level
}

// recvIntoVar is a receive into a variable's or a result's slot. The slot
// is set, not replaced by the value received, which is not addressable: &x
// or x.f = 1 after x = <-c panicked (reflect.Value.Addr of unaddressable
// value), and so did return <-c, which sets the result slot again.
func recvIntoVar(n *node, value func(*frame) reflect.Value, tnext bltn) {
	i, l := n.findex, n.level
	set := func(f *frame, v reflect.Value) {
		s := getFrame(f, l).data
		if d := s[i]; d.CanSet() {
			d.Set(v)
		} else {
			s[i] = v
		}
	}
	if !n.interp.cancelChan {
		n.exec = func(f *frame) bltn {
			v, _ := value(f).Recv()
			set(f, v)
			return tnext
		}
		return
	}
	n.exec = func(f *frame) bltn {
		// Fast: channel read doesn't block
		ch := value(f)
		if v, ok := ch.TryRecv(); ok {
			set(f, v)
			return tnext
		}
		// Slow: channel read blocks, allow cancel
		v, _, cancelled := blockRecv(f, ch)
		if cancelled {
			return nil
		}
		set(f, v)
		return tnext
	}
}

// gopar: a receive that blocks waits in a select of the channel and the
// run's cancellation channel. reflect.Select, with its cases and the
// runtime's select under it, needs more stack than a new goroutine has:
// each goroutine blocked in a receive grew its stack from 2 KB to 4 KB (or
// 8 KB) by copying it. A channel of a basic element type (struct{}, bool,
// int, int64, float64, string) is received from by a select of the
// channel itself, whose frames fit; others go through reflect.Select.

// blockRecv receives from ch unless the run is cancelled first
// (cancelled). It is small enough to be inlined, and the func receiving
// is found first: the frames of a goroutine parked in it are those of the
// exec, recvOf and the runtime's select.
func blockRecv(f *frame, ch reflect.Value) (v reflect.Value, ok, cancelled bool) {
	if recv, done := basicRecv(f, ch); recv != nil {
		return recv(ch, done)
	}
	return recvSelect(f.doneCase(), ch)
}

// recvSelect is blockRecv through reflect.Select.
//
//go:noinline
func recvSelect(done reflect.SelectCase, ch reflect.Value) (reflect.Value, bool, bool) {
	chosen, v, ok := reflect.Select([]reflect.SelectCase{done, {Dir: reflect.SelectRecv, Chan: ch}})
	return v, ok, chosen == 0
}

// basicRecv returns the func that receives from ch, a channel of a basic
// element type, and the run's cancellation channel, or nil.
//
//go:noinline
func basicRecv(f *frame, ch reflect.Value) (func(reflect.Value, chan struct{}) (reflect.Value, bool, bool), chan struct{}) {
	d := f.done.Load()
	if d == nil || d.Chan.Type() != doneChanType || ch.Kind() != reflect.Chan {
		return nil, nil
	}
	p := d.Chan.UnsafePointer()
	done := *(*chan struct{})(unsafe.Pointer(&p))
	switch ch.Type().Elem() {
	case basicTypes[0]:
		return recvStruct, done
	case basicTypes[1]:
		return recvBool, done
	case basicTypes[2]:
		return recvInt, done
	case basicTypes[3]:
		return recvInt64, done
	case basicTypes[4]:
		return recvFloat64, done
	case basicTypes[5]:
		return recvString, done
	}
	return nil, nil
}

var basicTypes = [...]reflect.Type{
	reflect.TypeFor[struct{}](), reflect.TypeFor[bool](), reflect.TypeFor[int](),
	reflect.TypeFor[int64](), reflect.TypeFor[float64](), reflect.TypeFor[string](),
}

// recvStruct receives from ch, a channel of T (struct{} here, and the
// types of the funcs below) of any direction, unless done is closed first.
// They are funcs of their own, not instances of a generic one: the value
// of an instance calls it through a wrapper, one more frame.
func recvStruct(ch reflect.Value, done chan struct{}) (reflect.Value, bool, bool) {
	p := ch.UnsafePointer()
	select {
	case x, ok := <-*(*chan struct{})(unsafe.Pointer(&p)):
		return reflect.ValueOf(x), ok, false
	case <-done:
		return reflect.Value{}, false, true
	}
}

func recvBool(ch reflect.Value, done chan struct{}) (reflect.Value, bool, bool) {
	p := ch.UnsafePointer()
	select {
	case x, ok := <-*(*chan bool)(unsafe.Pointer(&p)):
		return reflect.ValueOf(x), ok, false
	case <-done:
		return reflect.Value{}, false, true
	}
}

func recvInt(ch reflect.Value, done chan struct{}) (reflect.Value, bool, bool) {
	p := ch.UnsafePointer()
	select {
	case x, ok := <-*(*chan int)(unsafe.Pointer(&p)):
		return reflect.ValueOf(x), ok, false
	case <-done:
		return reflect.Value{}, false, true
	}
}

func recvInt64(ch reflect.Value, done chan struct{}) (reflect.Value, bool, bool) {
	p := ch.UnsafePointer()
	select {
	case x, ok := <-*(*chan int64)(unsafe.Pointer(&p)):
		return reflect.ValueOf(x), ok, false
	case <-done:
		return reflect.Value{}, false, true
	}
}

func recvFloat64(ch reflect.Value, done chan struct{}) (reflect.Value, bool, bool) {
	p := ch.UnsafePointer()
	select {
	case x, ok := <-*(*chan float64)(unsafe.Pointer(&p)):
		return reflect.ValueOf(x), ok, false
	case <-done:
		return reflect.Value{}, false, true
	}
}

func recvString(ch reflect.Value, done chan struct{}) (reflect.Value, bool, bool) {
	p := ch.UnsafePointer()
	select {
	case x, ok := <-*(*chan string)(unsafe.Pointer(&p)):
		return reflect.ValueOf(x), ok, false
	case <-done:
		return reflect.Value{}, false, true
	}
}

// recvSignal makes the exec of n, a cancellable receive whose value is
// not assigned to a variable, when its channel is a chan struct{} (of any
// direction), which goroutines wait on most (`<-done`): the select is in
// the exec itself, one frame fewer on a parked goroutine's stack than
// blockRecv. It reports whether it did.
func recvSignal(n *node, value func(*frame) reflect.Value, tnext bltn) bool {
	t := n.child[0].typ
	if t == nil || t.cat != chanT && t.cat != chanRecvT && t.cat != chanSendT {
		return false
	}
	rt := t.TypeOf()
	if rt == nil || rt.Kind() != reflect.Chan || rt.Elem() != basicTypes[0] {
		return false
	}
	i, l := n.findex, n.level
	zero := reflect.Zero(rt.Elem())
	n.exec = func(f *frame) bltn {
		ch := value(f)
		p := ch.UnsafePointer()
		c := *(*chan struct{})(unsafe.Pointer(&p))
		select {
		case <-c:
			// Ready: received before looking at cancellation, as TryRecv.
		default:
			d := f.done.Load()
			if d == nil || d.Chan.Type() != doneChanType {
				if _, _, cancelled := recvSelect(f.doneCase(), ch); cancelled {
					return nil
				}
				break
			}
			dp := d.Chan.UnsafePointer()
			select {
			case <-c:
			case <-*(*chan struct{})(unsafe.Pointer(&dp)):
				return nil
			}
		}
		getFrame(f, l).data[i] = zero
		return tnext
	}
	return true
}

// blockSend sends data on ch, a channel of a basic element type other
// than struct{}, unless the run is cancelled first, in a select of the
// channel itself (as blockRecv receives): reflect.Select made a slice of
// cases and reflect's select locked more than the runtime's. handled is
// false for other channels and values, which take reflect's way.
func blockSend(f *frame, ch, data reflect.Value) (handled, cancelled bool) {
	d := f.done.Load()
	if d == nil || d.Chan.Type() != doneChanType || ch.Kind() != reflect.Chan {
		return false, false
	}
	dp := d.Chan.UnsafePointer()
	done := *(*chan struct{})(unsafe.Pointer(&dp))
	p := ch.UnsafePointer()
	switch et := ch.Type().Elem(); {
	case et == basicTypes[1] && data.Kind() == reflect.Bool:
		select {
		case *(*chan bool)(unsafe.Pointer(&p)) <- data.Bool():
		case <-done:
			return true, true
		}
	case et == basicTypes[2] && data.Kind() == reflect.Int:
		select {
		case *(*chan int)(unsafe.Pointer(&p)) <- int(data.Int()):
		case <-done:
			return true, true
		}
	case et == basicTypes[3] && data.Kind() == reflect.Int64:
		select {
		case *(*chan int64)(unsafe.Pointer(&p)) <- data.Int():
		case <-done:
			return true, true
		}
	case et == basicTypes[4] && data.Kind() == reflect.Float64:
		select {
		case *(*chan float64)(unsafe.Pointer(&p)) <- data.Float():
		case <-done:
			return true, true
		}
	case et == basicTypes[5] && data.Kind() == reflect.String:
		select {
		case *(*chan string)(unsafe.Pointer(&p)) <- data.String():
		case <-done:
			return true, true
		}
	default:
		return false, false
	}
	return true, false
}
