; searching.py: searches over items[0:n] (i64 cells).
define i64 @searching_linear_search(ptr %items, i64 %n, i64 %target) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %next ]
  %in = icmp slt i64 %i, %n
  br i1 %in, label %body, label %none
body:
  %p = getelementptr i64, ptr %items, i64 %i
  %v = load i64, ptr %p
  %hit = icmp eq i64 %v, %target
  br i1 %hit, label %found, label %next
next:
  %i1 = add i64 %i, 1
  br label %loop
found:
  ret i64 %i
none:
  ret i64 -1
}

define i64 @searching_binary_search(ptr %items, i64 %n, i64 %target) {
entry:
  %hi0 = sub i64 %n, 1
  br label %loop
loop:
  %lo = phi i64 [ 0, %entry ], [ %lo.next, %step ]
  %hi = phi i64 [ %hi0, %entry ], [ %hi.next, %step ]
  %in = icmp sle i64 %lo, %hi
  br i1 %in, label %body, label %none
body:
  %sum = add i64 %lo, %hi
  %mid = sdiv i64 %sum, 2
  %p = getelementptr i64, ptr %items, i64 %mid
  %v = load i64, ptr %p
  %hit = icmp eq i64 %v, %target
  br i1 %hit, label %found, label %step
step:
  %less = icmp slt i64 %v, %target
  %mid1 = add i64 %mid, 1
  %midm = sub i64 %mid, 1
  %lo.next = select i1 %less, i64 %mid1, i64 %lo
  %hi.next = select i1 %less, i64 %hi, i64 %midm
  br label %loop
found:
  ret i64 %mid
none:
  ret i64 -1
}

define i64 @searching_lower_bound(ptr %items, i64 %n, i64 %target) {
entry:
  br label %loop
loop:
  %lo = phi i64 [ 0, %entry ], [ %lo.next, %body ]
  %hi = phi i64 [ %n, %entry ], [ %hi.next, %body ]
  %in = icmp slt i64 %lo, %hi
  br i1 %in, label %body, label %done
body:
  %sum = add i64 %lo, %hi
  %mid = sdiv i64 %sum, 2
  %p = getelementptr i64, ptr %items, i64 %mid
  %v = load i64, ptr %p
  %less = icmp slt i64 %v, %target
  %mid1 = add i64 %mid, 1
  %lo.next = select i1 %less, i64 %mid1, i64 %lo
  %hi.next = select i1 %less, i64 %hi, i64 %mid
  br label %loop
done:
  ret i64 %lo
}

define i64 @searching_count_of(ptr %items, i64 %n, i64 %target) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %body ]
  %c = phi i64 [ 0, %entry ], [ %c1, %body ]
  %in = icmp slt i64 %i, %n
  br i1 %in, label %body, label %done
body:
  %p = getelementptr i64, ptr %items, i64 %i
  %v = load i64, ptr %p
  %hit = icmp eq i64 %v, %target
  %inc = zext i1 %hit to i64
  %c1 = add i64 %c, %inc
  %i1 = add i64 %i, 1
  br label %loop
done:
  ret i64 %c
}

define i64 @searching_max_index(ptr %items, i64 %n) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 1, %entry ], [ %i1, %body ]
  %best = phi i64 [ 0, %entry ], [ %best1, %body ]
  %in = icmp slt i64 %i, %n
  br i1 %in, label %body, label %done
body:
  %pi = getelementptr i64, ptr %items, i64 %i
  %pb = getelementptr i64, ptr %items, i64 %best
  %vi = load i64, ptr %pi
  %vb = load i64, ptr %pb
  %gt = icmp sgt i64 %vi, %vb
  %best1 = select i1 %gt, i64 %i, i64 %best
  %i1 = add i64 %i, 1
  br label %loop
done:
  ret i64 %best
}

define i64 @searching_min_index(ptr %items, i64 %n) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 1, %entry ], [ %i1, %body ]
  %best = phi i64 [ 0, %entry ], [ %best1, %body ]
  %in = icmp slt i64 %i, %n
  br i1 %in, label %body, label %done
body:
  %pi = getelementptr i64, ptr %items, i64 %i
  %pb = getelementptr i64, ptr %items, i64 %best
  %vi = load i64, ptr %pi
  %vb = load i64, ptr %pb
  %lt = icmp slt i64 %vi, %vb
  %best1 = select i1 %lt, i64 %i, i64 %best
  %i1 = add i64 %i, 1
  br label %loop
done:
  ret i64 %best
}

define i64 @searching_second_largest(ptr %items, i64 %n) {
entry:
  %mi = call i64 @searching_max_index(ptr %items, i64 %n)
  %pm = getelementptr i64, ptr %items, i64 %mi
  %first = load i64, ptr %pm
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %body ]
  %have = phi i1 [ false, %entry ], [ %have1, %body ]
  %second = phi i64 [ 0, %entry ], [ %second1, %body ]
  %in = icmp slt i64 %i, %n
  br i1 %in, label %body, label %done
body:
  %p = getelementptr i64, ptr %items, i64 %i
  %v = load i64, ptr %p
  %below = icmp slt i64 %v, %first
  %above = icmp sgt i64 %v, %second
  %none = xor i1 %have, true
  %better = or i1 %none, %above
  %take = and i1 %below, %better
  %second1 = select i1 %take, i64 %v, i64 %second
  %have1 = or i1 %have, %take
  %i1 = add i64 %i, 1
  br label %loop
done:
  %r = select i1 %have, i64 %second, i64 %first
  ret i64 %r
}
