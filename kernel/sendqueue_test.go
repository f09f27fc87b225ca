package kernel

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/go-zeromq/zmq4"
)

// TestAPeerThatDoesNotReadHoldsNobodyBack: an iopub subscriber that
// subscribes and then never reads gets its messages dropped once its
// backlog is full; the other subscriber gets every message of every cell
// and the shell goes on answering.
func TestAPeerThatDoesNotReadHoldsNobodyBack(t *testing.T) {
	conn := tcpConnection(t)
	logs := startStubKernel(t, conn)

	stalled, err := dial(conn, conn.IOPubPort)
	if err != nil {
		t.Fatal(err)
	}
	defer stalled.Close()
	_ = stalled.(*net.TCPConn).SetReadBuffer(4 << 10)
	subscribeAll := []byte{0, 1, 1} // a one-byte message: subscribe, no topic
	if _, err := stalled.Write(append(zmtpHelloAs("SUB"), subscribeAll...)); err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	sub := zmq4.NewSub(ctx, zmq4.WithDialerRetry(10*time.Millisecond))
	defer sub.Close()
	if err := sub.Dial(conn.endpoint(conn.IOPubPort)); err != nil {
		t.Fatal(err)
	}
	if err := sub.SetOption(zmq4.OptionSubscribe, ""); err != nil {
		t.Fatal(err)
	}
	shell := zmq4.NewDealer(ctx, zmq4.WithID(zmq4.SocketIdentity("test-client")), zmq4.WithDialerRetry(10*time.Millisecond))
	defer shell.Close()
	if err := shell.Dial(conn.endpoint(conn.ShellPort)); err != nil {
		t.Fatal(err)
	}
	signer := NewSigner(conn.Key)
	time.Sleep(200 * time.Millisecond) // both subscriptions take effect

	// Each cell publishes its code twice (execute_input, and the stub's
	// execute_result): 80 cells put 80 MB on iopub, past what the stalled
	// peer's socket buffers and backlog hold.
	const cells = 80
	code := strings.Repeat("x", 512<<10)
	idle := make(chan struct{}, cells)
	go func() {
		for {
			m, err := sub.Recv()
			if err != nil {
				return
			}
			msg, err := signer.Decode(m.Frames)
			if err == nil && msg.Header.MsgType == "status" && strings.Contains(string(msg.Content), "idle") {
				idle <- struct{}{}
			}
		}
	}()
	replies := make(chan struct{}, cells)
	go func() {
		for {
			if _, err := shell.Recv(); err != nil {
				return
			}
			replies <- struct{}{}
		}
	}()
	for i := 0; i < cells; i++ {
		frames, err := signer.Encode(nil, newHeader("execute_request", "test"), nil, nil,
			map[string]any{"code": code, "silent": false})
		if err != nil {
			t.Fatal(err)
		}
		if err := shell.Send(zmq4.NewMsgFrom(frames...)); err != nil {
			t.Fatal(err)
		}
		select {
		case <-replies:
		case <-ctx.Done():
			t.Fatalf("cell %d got no reply", i)
		}
		select {
		case <-idle:
		case <-ctx.Done():
			t.Fatalf("the reading subscriber got no idle status for cell %d", i)
		}
	}
	if !strings.Contains(logs.String(), "iopub: a peer is not reading") {
		t.Errorf("nothing was dropped for the stalled peer; the kernel logged:\n%s", logs)
	}
}
