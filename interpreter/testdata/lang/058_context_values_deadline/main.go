package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

type key string

func slow(ctx context.Context) error {
	select {
	case <-time.After(time.Second):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func main() {
	ctx := context.WithValue(context.Background(), key("user"), "ann")
	fmt.Println(ctx.Value(key("user")), ctx.Value(key("none")))
	tctx, cancel := context.WithTimeout(ctx, 10*time.Millisecond)
	defer cancel()
	err := slow(tctx)
	fmt.Println(err, errors.Is(err, context.DeadlineExceeded))
	cctx, cancel2 := context.WithCancelCause(context.Background())
	cancel2(errors.New("shutdown"))
	fmt.Println(context.Cause(cctx))
}
