package kernel

import (
	"net"
)

// What the kernel sends goes out a whole message at a time, and never waits
// for a peer that stopped reading. zmq4's PUB socket writes each message to
// every subscriber in turn and blocks on a full connection, so one front
// end that stops reading iopub (a suspended jupyter console, a client that
// only sends) would stop the output of all the others, and the kernel's
// shell with them. As libzmq does, a connection that cannot take a message
// now keeps it in a bounded backlog that a goroutine writes when the peer
// reads again; past the bound, further messages to that peer are dropped.

// backlogLimit bounds the messages a connection holds for a peer that does
// not read (libzmq holds 1000 messages; Jupyter's displays can be large).
const backlogLimit = 32 << 20

// Write collects what zmq4 writes until a message is complete and sends it
// in one system call. zmq4 writes a frame's header and its body separately
// (its writev path needs the *net.TCPConn this type wraps), so a Jupyter
// message of seven frames took fourteen writes, which were half a trivial
// cell's round trip.
func (c *guardConn) Write(p []byte) (int, error) {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	_ = c.sent.observe(p) // no limit on what the kernel sends
	if !c.sent.atMessageEnd() {
		c.pending = append(c.pending, p...)
		return len(p), nil
	}
	msg := p
	if len(c.pending) > 0 {
		c.pending = append(c.pending, p...)
		msg = c.pending
	}
	err := c.send(msg)
	c.pending = c.pending[:0]
	if cap(c.pending) > maxKeptWriteBuffer {
		c.pending = nil // a large display was sent; do not hold its memory
	}
	if err != nil {
		return 0, err
	}
	return len(p), nil
}

// maxKeptWriteBuffer is the largest message buffer a connection keeps for
// the next message.
const maxKeptWriteBuffer = 256 << 10

// send sends one message (or the greeting, or a command) with c.wmu held:
// at once when the peer takes it, else through the backlog.
func (c *guardConn) send(msg []byte) error {
	if c.werr != nil {
		return c.werr
	}
	if c.flushing { // the backlog is not empty, or its last part is on its way
		// Commands and the handshake are never dropped: the connection
		// would not work without them.
		droppable := c.sent.handshaken() && c.sent.flags&zmtpCommand == 0
		if droppable && len(c.backlog)+len(msg) > backlogLimit {
			if c.dropped == 0 {
				c.guard.logger.Printf("%s: a peer is not reading: dropping what is sent to it", c.guard.socket)
			}
			c.dropped++
			return nil
		}
		c.backlog = append(c.backlog, msg...)
		return nil
	}
	n, err := c.tryWrite(msg)
	if err != nil {
		return err
	}
	if n < len(msg) {
		c.backlog = append(c.backlog, msg[n:]...)
		c.flushing = true
		go c.flush()
	}
	return nil
}

// tryWrite writes what the socket takes without waiting (see writeNow). A
// connection without a file descriptor (in tests) is written as usual.
func (c *guardConn) tryWrite(b []byte) (int, error) {
	if c.raw == nil {
		return c.Conn.Write(b)
	}
	n, werr, err := writeNow(c.raw, b)
	switch {
	case err != nil:
		return 0, err
	case werr != nil:
		// A network error tells zmq4 the connection is gone.
		return 0, &net.OpError{Op: "write", Net: c.LocalAddr().Network(), Source: c.LocalAddr(), Addr: c.RemoteAddr(), Err: werr}
	}
	return n, nil
}

// flush writes the backlog, waiting for the peer, until it is empty.
func (c *guardConn) flush() {
	for {
		c.wmu.Lock()
		if len(c.backlog) == 0 {
			if c.dropped > 0 {
				c.guard.logger.Printf("%s: the peer reads again; %d messages to it were dropped", c.guard.socket, c.dropped)
				c.dropped = 0
			}
			c.flushing = false
			c.wmu.Unlock()
			return
		}
		chunk := c.backlog
		c.backlog = nil
		c.wmu.Unlock()
		if _, err := c.Conn.Write(chunk); err != nil {
			c.wmu.Lock()
			c.werr, c.flushing, c.backlog = err, false, nil
			c.wmu.Unlock()
			return
		}
	}
}
