package main

import (
	"fmt"
	"sync"
)

type Ball struct{ hits int }

// Each player receives on its own channel and passes the ball on the
// other's, so the rally's order does not depend on the scheduler.
func player(name string, in <-chan *Ball, out chan<- *Ball, wg *sync.WaitGroup) {
	defer wg.Done()
	for ball := range in {
		ball.hits++
		fmt.Println(name, ball.hits)
		if ball.hits >= 6 {
			fmt.Println(name, "wins at", ball.hits)
			close(out)
			return
		}
		out <- ball
	}
	close(out)
}

func main() {
	ping, pong := make(chan *Ball), make(chan *Ball)
	var wg sync.WaitGroup
	wg.Add(2)
	go player("ping", ping, pong, &wg)
	go player("pong", pong, ping, &wg)
	ping <- new(Ball)
	wg.Wait()
}
