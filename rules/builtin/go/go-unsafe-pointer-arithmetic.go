package raw

import "unsafe"

func Third(arr *[4]int32, data []int32, i int) int32 {
	// ruleid: go-unsafe-pointer-arithmetic
	p := (*int32)(unsafe.Pointer(uintptr(unsafe.Pointer(arr)) + 8))
	// ruleid: go-unsafe-pointer-arithmetic
	q := (*int32)(unsafe.Pointer(uintptr(unsafe.Pointer(&data[0])) + uintptr(i)*4))
	// ok: go-unsafe-pointer-arithmetic
	size := unsafe.Sizeof(arr[0])
	// ok: go-unsafe-pointer-arithmetic
	r := data[i]
	_, _ = size, q
	return *p + r
}
