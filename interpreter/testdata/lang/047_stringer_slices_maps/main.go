package main

import "fmt"

type Suit int

const (
	Spades Suit = iota
	Hearts
	Diamonds
	Clubs
)

func (s Suit) String() string {
	return [...]string{"♠", "♥", "♦", "♣"}[s]
}

type Card struct {
	Rank int
	Suit Suit
}

func (c Card) String() string { return fmt.Sprintf("%d%v", c.Rank, c.Suit) }

func main() {
	hand := []Card{{10, Hearts}, {3, Spades}}
	fmt.Println(hand)
	fmt.Println(Clubs, []Suit{Diamonds, Hearts})
	bySuit := map[Suit]int{Hearts: 2, Spades: 1}
	fmt.Println(bySuit)
	fmt.Printf("%v|%s|%d\n", Hearts, Hearts, Hearts)
	type pair struct {
		A, B Suit
	}
	fmt.Printf("%v %+v\n", pair{Spades, Clubs}, pair{Spades, Clubs})
}
