package importer

// maxMemoEntries bounds each cache of Parse: a file repeats the same skills, days and
// languages on many rows, but a crafted one must not fill the memory.
const maxMemoEntries = 4096

// memo caches the results of parsing a cell's text.
type memo[V any] struct {
	m map[string]V
}

func (c *memo[V]) get(key string, compute func(string) V) V {
	if v, ok := c.m[key]; ok {
		return v
	}
	v := compute(key)
	if c.m == nil {
		c.m = make(map[string]V)
	}
	if len(c.m) < maxMemoEntries && len(key) <= 256 {
		c.m[key] = v
	}
	return v
}
