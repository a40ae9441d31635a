;===- runtime/memory.ll - a page allocator over mmap --------------------===;
; mem_alloc / mem_free / mem_realloc without libc. Small requests come from size classes (32 B to
; 4 KB blocks, powers of two) carved from 64 KB mmap'd chunks; a freed small block goes on its
; class's free list and is handed out again by the next request of that class, so a long-running
; server's memory stays flat. Requests above 4 KB get their own mapping, returned with munmap on free.
; Not thread-safe: Semcom programs are single-threaded.
;
; Every block starts with a 16-byte header; the pointer returned is just past it (16-byte aligned).
;   header[0..8)  i64 block size in bytes, header included: a power of two <= 4096 for a small
;                 block, the mapping's length (a multiple of 4096, > 4096) for a large one
;   header[8..16) i64 magic, checked by mem_free so a stray pointer is ignored instead of corrupting
;                 a free list
; A free small block keeps its header; its first payload word links to the next free block.

@mem_free_lists = internal global [8 x ptr] zeroinitializer   ; class k holds blocks of 32 << k bytes
@mem_chunk_next = internal global ptr null                    ; bump pointer into the current chunk
@mem_chunk_end = internal global ptr null

declare i64 @sys_mmap(ptr, i64, i64, i64, i64, i64)
declare i64 @sys_munmap(ptr, i64)
declare void @copy_bytes(ptr, ptr, i64)

; PROT_READ|PROT_WRITE = 3, MAP_PRIVATE|MAP_ANONYMOUS = 0x22: the same on x86_64 and aarch64.
; Returns null when the kernel refuses (mmap's result is then -errno, in -4095..-1).
define internal ptr @mem_map(i64 %len) #0 {
entry:
  %r = call i64 @sys_mmap(ptr null, i64 %len, i64 3, i64 34, i64 -1, i64 0)
  %failed = icmp ugt i64 %r, -4096
  %p = inttoptr i64 %r to ptr
  %res = select i1 %failed, ptr null, ptr %p
  ret ptr %res
}

; Class of a block of %total bytes (header included, <= 4096): the smallest k with 32 << k >= total.
; The smallest block is 32 bytes, not 16: a free block needs room for its next-pointer after the
; header.
define internal i64 @mem_class(i64 %total) #0 {
entry:
  br label %loop
loop:
  %k = phi i64 [ 0, %entry ], [ %k.next, %loop ]
  %size = shl i64 32, %k
  %k.next = add i64 %k, 1
  %fits = icmp uge i64 %size, %total
  br i1 %fits, label %done, label %loop
done:
  ret i64 %k
}

define ptr @mem_alloc(i64 %size) #0 {
entry:
  ; Refuse sizes whose rounding would overflow.
  %huge = icmp ugt i64 %size, 4611686018427387904
  br i1 %huge, label %fail, label %sized
sized:
  %total = add i64 %size, 16
  %small = icmp ule i64 %total, 4096
  br i1 %small, label %small_block, label %large_block

small_block:
  %k = call i64 @mem_class(i64 %total)
  %block_size = shl i64 32, %k
  %list = getelementptr [8 x ptr], ptr @mem_free_lists, i64 0, i64 %k
  %head = load ptr, ptr %list
  %have_free = icmp ne ptr %head, null
  br i1 %have_free, label %reuse, label %carve

reuse:
  ; The next-pointer lives in the free block's first payload word.
  %head_payload = getelementptr i8, ptr %head, i64 16
  %next = load ptr, ptr %head_payload
  store ptr %next, ptr %list
  br label %finish_small

carve:
  %cur = load ptr, ptr @mem_chunk_next
  %end = load ptr, ptr @mem_chunk_end
  %cur_int = ptrtoint ptr %cur to i64
  %end_int = ptrtoint ptr %end to i64
  %room = sub i64 %end_int, %cur_int
  %enough = icmp uge i64 %room, %block_size
  br i1 %enough, label %bump, label %new_chunk

new_chunk:
  ; The rest of the old chunk is abandoned (under 4 KB); it is not worth a free-list walk.
  %chunk = call ptr @mem_map(i64 65536)
  %chunk_failed = icmp eq ptr %chunk, null
  br i1 %chunk_failed, label %fail, label %chunk_ok
chunk_ok:
  %chunk_end = getelementptr i8, ptr %chunk, i64 65536
  store ptr %chunk_end, ptr @mem_chunk_end
  br label %bump

bump:
  %from = phi ptr [ %cur, %carve ], [ %chunk, %chunk_ok ]
  %after = getelementptr i8, ptr %from, i64 %block_size
  store ptr %after, ptr @mem_chunk_next
  br label %finish_small

finish_small:
  %block = phi ptr [ %head, %reuse ], [ %from, %bump ]
  store i64 %block_size, ptr %block
  br label %stamp

large_block:
  ; Round up to whole pages.
  %plus = add i64 %total, 4095
  %map_len = and i64 %plus, -4096
  %mapping = call ptr @mem_map(i64 %map_len)
  %map_failed = icmp eq ptr %mapping, null
  br i1 %map_failed, label %fail, label %large_ok
large_ok:
  store i64 %map_len, ptr %mapping
  br label %stamp

stamp:
  %hdr = phi ptr [ %block, %finish_small ], [ %mapping, %large_ok ]
  %magic_slot = getelementptr i8, ptr %hdr, i64 8
  store i64 8390854058571547987, ptr %magic_slot     ; "SEMCOMrt" as an i64
  %payload = getelementptr i8, ptr %hdr, i64 16
  ret ptr %payload

fail:
  ret ptr null
}

; Usable bytes of a live block (its size minus the header). 0 for null.
define i64 @mem_capacity(ptr %p) #0 {
entry:
  %is_null = icmp eq ptr %p, null
  br i1 %is_null, label %none, label %some
none:
  ret i64 0
some:
  %hdr = getelementptr i8, ptr %p, i64 -16
  %block_size = load i64, ptr %hdr
  %usable = sub i64 %block_size, 16
  ret i64 %usable
}

define void @mem_free(ptr %p) #0 {
entry:
  %is_null = icmp eq ptr %p, null
  br i1 %is_null, label %done, label %check
check:
  %hdr = getelementptr i8, ptr %p, i64 -16
  %magic_slot = getelementptr i8, ptr %hdr, i64 8
  %magic = load i64, ptr %magic_slot
  %ours = icmp eq i64 %magic, 8390854058571547987
  br i1 %ours, label %release, label %done
release:
  ; Clearing the magic makes a second free of the same pointer a no-op.
  store i64 0, ptr %magic_slot
  %block_size = load i64, ptr %hdr
  %small = icmp ule i64 %block_size, 4096
  br i1 %small, label %push, label %unmap
push:
  %k = call i64 @mem_class(i64 %block_size)
  %list = getelementptr [8 x ptr], ptr @mem_free_lists, i64 0, i64 %k
  %head = load ptr, ptr %list
  store ptr %head, ptr %p
  store ptr %hdr, ptr %list
  br label %done
unmap:
  %r = call i64 @sys_munmap(ptr %hdr, i64 %block_size)
  br label %done
done:
  ret void
}

; realloc(null, n) is alloc(n); realloc(p, 0) frees p and returns null. A block that already has
; room is returned as is; otherwise the contents move to a new block. On failure p is untouched and
; null is returned.
define ptr @mem_realloc(ptr %p, i64 %size) #0 {
entry:
  %is_null = icmp eq ptr %p, null
  br i1 %is_null, label %fresh, label %existing
fresh:
  %q = call ptr @mem_alloc(i64 %size)
  ret ptr %q
existing:
  %zero = icmp eq i64 %size, 0
  br i1 %zero, label %release, label %resize
release:
  call void @mem_free(ptr %p)
  ret ptr null
resize:
  %capacity = call i64 @mem_capacity(ptr %p)
  %fits = icmp ule i64 %size, %capacity
  br i1 %fits, label %keep, label %move
keep:
  ret ptr %p
move:
  %bigger = call ptr @mem_alloc(i64 %size)
  %failed = icmp eq ptr %bigger, null
  br i1 %failed, label %fail, label %copy
copy:
  call void @copy_bytes(ptr %bigger, ptr %p, i64 %capacity)
  call void @mem_free(ptr %p)
  ret ptr %bigger
fail:
  ret ptr null
}

attributes #0 = { nounwind "no-builtins" }
