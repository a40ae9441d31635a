; sorting.py: in-place sorts of items[0:n] (i64 cells).
define void @sorting_swap(ptr %items, i64 %i, i64 %j) {
entry:
  %pi = getelementptr i64, ptr %items, i64 %i
  %pj = getelementptr i64, ptr %items, i64 %j
  %a = load i64, ptr %pi
  %b = load i64, ptr %pj
  store i64 %b, ptr %pi
  store i64 %a, ptr %pj
  ret void
}

define void @sorting_bubble_sort(ptr %items, i64 %n) {
entry:
  %end0 = sub i64 %n, 1
  br label %outer
outer:
  %end = phi i64 [ %end0, %entry ], [ %end1, %outer.next ]
  %more = icmp sgt i64 %end, 0
  br i1 %more, label %inner, label %done
inner:
  %i = phi i64 [ 0, %outer ], [ %i1, %inner.next ]
  %in = icmp slt i64 %i, %end
  br i1 %in, label %cmp, label %outer.next
cmp:
  %i1 = add i64 %i, 1
  %pa = getelementptr i64, ptr %items, i64 %i
  %pb = getelementptr i64, ptr %items, i64 %i1
  %a = load i64, ptr %pa
  %b = load i64, ptr %pb
  %gt = icmp sgt i64 %a, %b
  br i1 %gt, label %do.swap, label %inner.next
do.swap:
  call void @sorting_swap(ptr %items, i64 %i, i64 %i1)
  br label %inner.next
inner.next:
  br label %inner
outer.next:
  %end1 = sub i64 %end, 1
  br label %outer
done:
  ret void
}

define void @sorting_insertion_sort(ptr %items, i64 %n) {
entry:
  br label %outer
outer:
  %i = phi i64 [ 1, %entry ], [ %i1, %place ]
  %more = icmp slt i64 %i, %n
  br i1 %more, label %start, label %done
start:
  %pv = getelementptr i64, ptr %items, i64 %i
  %value = load i64, ptr %pv
  %j0 = sub i64 %i, 1
  br label %shift
shift:
  %j = phi i64 [ %j0, %start ], [ %jm, %move ]
  %nonneg = icmp sge i64 %j, 0
  br i1 %nonneg, label %check, label %place
check:
  %pj = getelementptr i64, ptr %items, i64 %j
  %vj = load i64, ptr %pj
  %bigger = icmp sgt i64 %vj, %value
  br i1 %bigger, label %move, label %place
move:
  %j1 = add i64 %j, 1
  %pj1 = getelementptr i64, ptr %items, i64 %j1
  store i64 %vj, ptr %pj1
  %jm = sub i64 %j, 1
  br label %shift
place:
  %jp = add i64 %j, 1
  %pp = getelementptr i64, ptr %items, i64 %jp
  store i64 %value, ptr %pp
  %i1 = add i64 %i, 1
  br label %outer
done:
  ret void
}

define void @sorting_selection_sort(ptr %items, i64 %n) {
entry:
  br label %outer
outer:
  %i = phi i64 [ 0, %entry ], [ %i1, %outer.end ]
  %more = icmp slt i64 %i, %n
  br i1 %more, label %scan.start, label %done
scan.start:
  %j0 = add i64 %i, 1
  br label %scan
scan:
  %j = phi i64 [ %j0, %scan.start ], [ %j1, %scan.next ]
  %small = phi i64 [ %i, %scan.start ], [ %small1, %scan.next ]
  %in = icmp slt i64 %j, %n
  br i1 %in, label %scan.next, label %outer.end
scan.next:
  %pj = getelementptr i64, ptr %items, i64 %j
  %ps = getelementptr i64, ptr %items, i64 %small
  %vj = load i64, ptr %pj
  %vs = load i64, ptr %ps
  %lt = icmp slt i64 %vj, %vs
  %small1 = select i1 %lt, i64 %j, i64 %small
  %j1 = add i64 %j, 1
  br label %scan
outer.end:
  call void @sorting_swap(ptr %items, i64 %i, i64 %small)
  %i1 = add i64 %i, 1
  br label %outer
done:
  ret void
}

define i64 @sorting_partition(ptr %items, i64 %lo, i64 %hi) {
entry:
  %ph = getelementptr i64, ptr %items, i64 %hi
  %pivot = load i64, ptr %ph
  br label %loop
loop:
  %j = phi i64 [ %lo, %entry ], [ %j1, %next ]
  %i = phi i64 [ %lo, %entry ], [ %i.next, %next ]
  %in = icmp slt i64 %j, %hi
  br i1 %in, label %body, label %exit
body:
  %pj = getelementptr i64, ptr %items, i64 %j
  %vj = load i64, ptr %pj
  %lt = icmp slt i64 %vj, %pivot
  br i1 %lt, label %take, label %next
take:
  call void @sorting_swap(ptr %items, i64 %i, i64 %j)
  %i1 = add i64 %i, 1
  br label %next
next:
  %i.next = phi i64 [ %i, %body ], [ %i1, %take ]
  %j1 = add i64 %j, 1
  br label %loop
exit:
  call void @sorting_swap(ptr %items, i64 %i, i64 %hi)
  ret i64 %i
}

define void @sorting_quick_sort_range(ptr %items, i64 %lo, i64 %hi) {
entry:
  %lt = icmp slt i64 %lo, %hi
  br i1 %lt, label %split, label %done
split:
  %p = call i64 @sorting_partition(ptr %items, i64 %lo, i64 %hi)
  %pm = sub i64 %p, 1
  call void @sorting_quick_sort_range(ptr %items, i64 %lo, i64 %pm)
  %pp = add i64 %p, 1
  call void @sorting_quick_sort_range(ptr %items, i64 %pp, i64 %hi)
  br label %done
done:
  ret void
}

define void @sorting_quick_sort(ptr %items, i64 %n) {
entry:
  %hi = sub i64 %n, 1
  call void @sorting_quick_sort_range(ptr %items, i64 0, i64 %hi)
  ret void
}

define i64 @sorting_is_sorted(ptr %items, i64 %n) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 1, %entry ], [ %i1, %ok ]
  %in = icmp slt i64 %i, %n
  br i1 %in, label %body, label %yes
body:
  %im = sub i64 %i, 1
  %pa = getelementptr i64, ptr %items, i64 %im
  %pb = getelementptr i64, ptr %items, i64 %i
  %a = load i64, ptr %pa
  %b = load i64, ptr %pb
  %gt = icmp sgt i64 %a, %b
  br i1 %gt, label %no, label %ok
ok:
  %i1 = add i64 %i, 1
  br label %loop
yes:
  ret i64 1
no:
  ret i64 0
}

define void @sorting_reverse(ptr %items, i64 %n) {
entry:
  %j0 = sub i64 %n, 1
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %body ]
  %j = phi i64 [ %j0, %entry ], [ %j1, %body ]
  %lt = icmp slt i64 %i, %j
  br i1 %lt, label %body, label %done
body:
  call void @sorting_swap(ptr %items, i64 %i, i64 %j)
  %i1 = add i64 %i, 1
  %j1 = sub i64 %j, 1
  br label %loop
done:
  ret void
}
