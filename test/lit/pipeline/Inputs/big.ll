define i64 @f0(i64 %x) {
entry:
  %a = mul i64 %x, 1
  %b = add i64 %a, 0
  ret i64 %b
}

define i64 @f1(i64 %x) {
entry:
  %a = mul i64 %x, 2
  %b = add i64 %a, 1
  ret i64 %b
}

define i64 @f2(i64 %x) {
entry:
  %a = mul i64 %x, 3
  %b = add i64 %a, 2
  ret i64 %b
}

define i64 @f3(i64 %x) {
entry:
  %a = mul i64 %x, 4
  %b = add i64 %a, 3
  ret i64 %b
}

define i64 @f4(i64 %x) {
entry:
  %a = mul i64 %x, 5
  %b = add i64 %a, 4
  ret i64 %b
}

define i64 @f5(i64 %x) {
entry:
  %a = mul i64 %x, 6
  %b = add i64 %a, 5
  ret i64 %b
}

define i64 @f6(i64 %x) {
entry:
  %a = mul i64 %x, 7
  %b = add i64 %a, 6
  ret i64 %b
}

define i64 @f7(i64 %x) {
entry:
  %a = mul i64 %x, 8
  %b = add i64 %a, 7
  ret i64 %b
}

define i64 @f8(i64 %x) {
entry:
  %a = mul i64 %x, 9
  %b = add i64 %a, 8
  ret i64 %b
}

define i64 @f9(i64 %x) {
entry:
  %a = mul i64 %x, 10
  %b = add i64 %a, 9
  ret i64 %b
}

define i64 @f10(i64 %x) {
entry:
  %a = mul i64 %x, 11
  %b = add i64 %a, 10
  ret i64 %b
}

define i64 @f11(i64 %x) {
entry:
  %a = mul i64 %x, 12
  %b = add i64 %a, 11
  ret i64 %b
}

define i64 @f12(i64 %x) {
entry:
  %a = mul i64 %x, 13
  %b = add i64 %a, 12
  ret i64 %b
}

define i64 @f13(i64 %x) {
entry:
  %a = mul i64 %x, 14
  %b = add i64 %a, 13
  ret i64 %b
}

define i64 @f14(i64 %x) {
entry:
  %a = mul i64 %x, 15
  %b = add i64 %a, 14
  ret i64 %b
}

define i64 @f15(i64 %x) {
entry:
  %a = mul i64 %x, 16
  %b = add i64 %a, 15
  ret i64 %b
}

define i64 @f16(i64 %x) {
entry:
  %a = mul i64 %x, 17
  %b = add i64 %a, 16
  ret i64 %b
}

define i64 @f17(i64 %x) {
entry:
  %a = mul i64 %x, 18
  %b = add i64 %a, 17
  ret i64 %b
}

define i64 @f18(i64 %x) {
entry:
  %a = mul i64 %x, 19
  %b = add i64 %a, 18
  ret i64 %b
}

define i64 @f19(i64 %x) {
entry:
  %a = mul i64 %x, 20
  %b = add i64 %a, 19
  ret i64 %b
}

define i64 @f20(i64 %x) {
entry:
  %a = mul i64 %x, 21
  %b = add i64 %a, 20
  ret i64 %b
}

define i64 @f21(i64 %x) {
entry:
  %a = mul i64 %x, 22
  %b = add i64 %a, 21
  ret i64 %b
}

define i64 @f22(i64 %x) {
entry:
  %a = mul i64 %x, 23
  %b = add i64 %a, 22
  ret i64 %b
}

define i64 @f23(i64 %x) {
entry:
  %a = mul i64 %x, 24
  %b = add i64 %a, 23
  ret i64 %b
}

define i64 @f24(i64 %x) {
entry:
  %a = mul i64 %x, 25
  %b = add i64 %a, 24
  ret i64 %b
}

define i64 @f25(i64 %x) {
entry:
  %a = mul i64 %x, 26
  %b = add i64 %a, 25
  ret i64 %b
}

define i64 @f26(i64 %x) {
entry:
  %a = mul i64 %x, 27
  %b = add i64 %a, 26
  ret i64 %b
}

define i64 @f27(i64 %x) {
entry:
  %a = mul i64 %x, 28
  %b = add i64 %a, 27
  ret i64 %b
}

define i64 @f28(i64 %x) {
entry:
  %a = mul i64 %x, 29
  %b = add i64 %a, 28
  ret i64 %b
}

define i64 @f29(i64 %x) {
entry:
  %a = mul i64 %x, 30
  %b = add i64 %a, 29
  ret i64 %b
}

define i64 @f30(i64 %x) {
entry:
  %a = mul i64 %x, 31
  %b = add i64 %a, 30
  ret i64 %b
}

define i64 @f31(i64 %x) {
entry:
  %a = mul i64 %x, 32
  %b = add i64 %a, 31
  ret i64 %b
}

define i64 @f32(i64 %x) {
entry:
  %a = mul i64 %x, 33
  %b = add i64 %a, 32
  ret i64 %b
}

define i64 @f33(i64 %x) {
entry:
  %a = mul i64 %x, 34
  %b = add i64 %a, 33
  ret i64 %b
}

define i64 @f34(i64 %x) {
entry:
  %a = mul i64 %x, 35
  %b = add i64 %a, 34
  ret i64 %b
}

define i64 @f35(i64 %x) {
entry:
  %a = mul i64 %x, 36
  %b = add i64 %a, 35
  ret i64 %b
}

define i64 @f36(i64 %x) {
entry:
  %a = mul i64 %x, 37
  %b = add i64 %a, 36
  ret i64 %b
}

define i64 @f37(i64 %x) {
entry:
  %a = mul i64 %x, 38
  %b = add i64 %a, 37
  ret i64 %b
}

define i64 @f38(i64 %x) {
entry:
  %a = mul i64 %x, 39
  %b = add i64 %a, 38
  ret i64 %b
}

define i64 @f39(i64 %x) {
entry:
  %a = mul i64 %x, 40
  %b = add i64 %a, 39
  ret i64 %b
}

define i64 @f40(i64 %x) {
entry:
  %a = mul i64 %x, 41
  %b = add i64 %a, 40
  ret i64 %b
}

define i64 @f41(i64 %x) {
entry:
  %a = mul i64 %x, 42
  %b = add i64 %a, 41
  ret i64 %b
}

define i64 @f42(i64 %x) {
entry:
  %a = mul i64 %x, 43
  %b = add i64 %a, 42
  ret i64 %b
}

define i64 @f43(i64 %x) {
entry:
  %a = mul i64 %x, 44
  %b = add i64 %a, 43
  ret i64 %b
}

define i64 @f44(i64 %x) {
entry:
  %a = mul i64 %x, 45
  %b = add i64 %a, 44
  ret i64 %b
}

define i64 @f45(i64 %x) {
entry:
  %a = mul i64 %x, 46
  %b = add i64 %a, 45
  ret i64 %b
}

define i64 @f46(i64 %x) {
entry:
  %a = mul i64 %x, 47
  %b = add i64 %a, 46
  ret i64 %b
}

define i64 @f47(i64 %x) {
entry:
  %a = mul i64 %x, 48
  %b = add i64 %a, 47
  ret i64 %b
}

define i64 @f48(i64 %x) {
entry:
  %a = mul i64 %x, 49
  %b = add i64 %a, 48
  ret i64 %b
}

define i64 @f49(i64 %x) {
entry:
  %a = mul i64 %x, 50
  %b = add i64 %a, 49
  ret i64 %b
}

define i64 @f50(i64 %x) {
entry:
  %a = mul i64 %x, 51
  %b = add i64 %a, 50
  ret i64 %b
}

define i64 @f51(i64 %x) {
entry:
  %a = mul i64 %x, 52
  %b = add i64 %a, 51
  ret i64 %b
}

define i64 @f52(i64 %x) {
entry:
  %a = mul i64 %x, 53
  %b = add i64 %a, 52
  ret i64 %b
}

define i64 @f53(i64 %x) {
entry:
  %a = mul i64 %x, 54
  %b = add i64 %a, 53
  ret i64 %b
}

define i64 @f54(i64 %x) {
entry:
  %a = mul i64 %x, 55
  %b = add i64 %a, 54
  ret i64 %b
}

define i64 @f55(i64 %x) {
entry:
  %a = mul i64 %x, 56
  %b = add i64 %a, 55
  ret i64 %b
}

define i64 @f56(i64 %x) {
entry:
  %a = mul i64 %x, 57
  %b = add i64 %a, 56
  ret i64 %b
}

define i64 @f57(i64 %x) {
entry:
  %a = mul i64 %x, 58
  %b = add i64 %a, 57
  ret i64 %b
}

define i64 @f58(i64 %x) {
entry:
  %a = mul i64 %x, 59
  %b = add i64 %a, 58
  ret i64 %b
}

define i64 @f59(i64 %x) {
entry:
  %a = mul i64 %x, 60
  %b = add i64 %a, 59
  ret i64 %b
}

define i64 @f60(i64 %x) {
entry:
  %a = mul i64 %x, 61
  %b = add i64 %a, 60
  ret i64 %b
}

define i64 @f61(i64 %x) {
entry:
  %a = mul i64 %x, 62
  %b = add i64 %a, 61
  ret i64 %b
}

define i64 @f62(i64 %x) {
entry:
  %a = mul i64 %x, 63
  %b = add i64 %a, 62
  ret i64 %b
}

define i64 @f63(i64 %x) {
entry:
  %a = mul i64 %x, 64
  %b = add i64 %a, 63
  ret i64 %b
}

define i64 @f64(i64 %x) {
entry:
  %a = mul i64 %x, 65
  %b = add i64 %a, 64
  ret i64 %b
}

define i64 @f65(i64 %x) {
entry:
  %a = mul i64 %x, 66
  %b = add i64 %a, 65
  ret i64 %b
}

define i64 @f66(i64 %x) {
entry:
  %a = mul i64 %x, 67
  %b = add i64 %a, 66
  ret i64 %b
}

define i64 @f67(i64 %x) {
entry:
  %a = mul i64 %x, 68
  %b = add i64 %a, 67
  ret i64 %b
}

define i64 @f68(i64 %x) {
entry:
  %a = mul i64 %x, 69
  %b = add i64 %a, 68
  ret i64 %b
}

define i64 @f69(i64 %x) {
entry:
  %a = mul i64 %x, 70
  %b = add i64 %a, 69
  ret i64 %b
}

define i64 @f70(i64 %x) {
entry:
  %a = mul i64 %x, 71
  %b = add i64 %a, 70
  ret i64 %b
}

define i64 @f71(i64 %x) {
entry:
  %a = mul i64 %x, 72
  %b = add i64 %a, 71
  ret i64 %b
}

define i64 @f72(i64 %x) {
entry:
  %a = mul i64 %x, 73
  %b = add i64 %a, 72
  ret i64 %b
}

define i64 @f73(i64 %x) {
entry:
  %a = mul i64 %x, 74
  %b = add i64 %a, 73
  ret i64 %b
}

define i64 @f74(i64 %x) {
entry:
  %a = mul i64 %x, 75
  %b = add i64 %a, 74
  ret i64 %b
}

define i64 @f75(i64 %x) {
entry:
  %a = mul i64 %x, 76
  %b = add i64 %a, 75
  ret i64 %b
}

define i64 @f76(i64 %x) {
entry:
  %a = mul i64 %x, 77
  %b = add i64 %a, 76
  ret i64 %b
}

define i64 @f77(i64 %x) {
entry:
  %a = mul i64 %x, 78
  %b = add i64 %a, 77
  ret i64 %b
}

define i64 @f78(i64 %x) {
entry:
  %a = mul i64 %x, 79
  %b = add i64 %a, 78
  ret i64 %b
}

define i64 @f79(i64 %x) {
entry:
  %a = mul i64 %x, 80
  %b = add i64 %a, 79
  ret i64 %b
}

define i64 @f80(i64 %x) {
entry:
  %a = mul i64 %x, 81
  %b = add i64 %a, 80
  ret i64 %b
}

define i64 @f81(i64 %x) {
entry:
  %a = mul i64 %x, 82
  %b = add i64 %a, 81
  ret i64 %b
}

define i64 @f82(i64 %x) {
entry:
  %a = mul i64 %x, 83
  %b = add i64 %a, 82
  ret i64 %b
}

define i64 @f83(i64 %x) {
entry:
  %a = mul i64 %x, 84
  %b = add i64 %a, 83
  ret i64 %b
}

define i64 @f84(i64 %x) {
entry:
  %a = mul i64 %x, 85
  %b = add i64 %a, 84
  ret i64 %b
}

define i64 @f85(i64 %x) {
entry:
  %a = mul i64 %x, 86
  %b = add i64 %a, 85
  ret i64 %b
}

define i64 @f86(i64 %x) {
entry:
  %a = mul i64 %x, 87
  %b = add i64 %a, 86
  ret i64 %b
}

define i64 @f87(i64 %x) {
entry:
  %a = mul i64 %x, 88
  %b = add i64 %a, 87
  ret i64 %b
}

define i64 @f88(i64 %x) {
entry:
  %a = mul i64 %x, 89
  %b = add i64 %a, 88
  ret i64 %b
}

define i64 @f89(i64 %x) {
entry:
  %a = mul i64 %x, 90
  %b = add i64 %a, 89
  ret i64 %b
}

define i64 @f90(i64 %x) {
entry:
  %a = mul i64 %x, 91
  %b = add i64 %a, 90
  ret i64 %b
}

define i64 @f91(i64 %x) {
entry:
  %a = mul i64 %x, 92
  %b = add i64 %a, 91
  ret i64 %b
}

define i64 @f92(i64 %x) {
entry:
  %a = mul i64 %x, 93
  %b = add i64 %a, 92
  ret i64 %b
}

define i64 @f93(i64 %x) {
entry:
  %a = mul i64 %x, 94
  %b = add i64 %a, 93
  ret i64 %b
}

define i64 @f94(i64 %x) {
entry:
  %a = mul i64 %x, 95
  %b = add i64 %a, 94
  ret i64 %b
}

define i64 @f95(i64 %x) {
entry:
  %a = mul i64 %x, 96
  %b = add i64 %a, 95
  ret i64 %b
}

define i64 @f96(i64 %x) {
entry:
  %a = mul i64 %x, 97
  %b = add i64 %a, 96
  ret i64 %b
}

define i64 @f97(i64 %x) {
entry:
  %a = mul i64 %x, 98
  %b = add i64 %a, 97
  ret i64 %b
}

define i64 @f98(i64 %x) {
entry:
  %a = mul i64 %x, 99
  %b = add i64 %a, 98
  ret i64 %b
}

define i64 @f99(i64 %x) {
entry:
  %a = mul i64 %x, 100
  %b = add i64 %a, 99
  ret i64 %b
}

define i64 @f100(i64 %x) {
entry:
  %a = mul i64 %x, 101
  %b = add i64 %a, 100
  ret i64 %b
}

define i64 @f101(i64 %x) {
entry:
  %a = mul i64 %x, 102
  %b = add i64 %a, 101
  ret i64 %b
}

define i64 @f102(i64 %x) {
entry:
  %a = mul i64 %x, 103
  %b = add i64 %a, 102
  ret i64 %b
}

define i64 @f103(i64 %x) {
entry:
  %a = mul i64 %x, 104
  %b = add i64 %a, 103
  ret i64 %b
}

define i64 @f104(i64 %x) {
entry:
  %a = mul i64 %x, 105
  %b = add i64 %a, 104
  ret i64 %b
}

define i64 @f105(i64 %x) {
entry:
  %a = mul i64 %x, 106
  %b = add i64 %a, 105
  ret i64 %b
}

define i64 @f106(i64 %x) {
entry:
  %a = mul i64 %x, 107
  %b = add i64 %a, 106
  ret i64 %b
}

define i64 @f107(i64 %x) {
entry:
  %a = mul i64 %x, 108
  %b = add i64 %a, 107
  ret i64 %b
}

define i64 @f108(i64 %x) {
entry:
  %a = mul i64 %x, 109
  %b = add i64 %a, 108
  ret i64 %b
}

define i64 @f109(i64 %x) {
entry:
  %a = mul i64 %x, 110
  %b = add i64 %a, 109
  ret i64 %b
}

define i64 @f110(i64 %x) {
entry:
  %a = mul i64 %x, 111
  %b = add i64 %a, 110
  ret i64 %b
}

define i64 @f111(i64 %x) {
entry:
  %a = mul i64 %x, 112
  %b = add i64 %a, 111
  ret i64 %b
}

define i64 @f112(i64 %x) {
entry:
  %a = mul i64 %x, 113
  %b = add i64 %a, 112
  ret i64 %b
}

define i64 @f113(i64 %x) {
entry:
  %a = mul i64 %x, 114
  %b = add i64 %a, 113
  ret i64 %b
}

define i64 @f114(i64 %x) {
entry:
  %a = mul i64 %x, 115
  %b = add i64 %a, 114
  ret i64 %b
}

define i64 @f115(i64 %x) {
entry:
  %a = mul i64 %x, 116
  %b = add i64 %a, 115
  ret i64 %b
}

define i64 @f116(i64 %x) {
entry:
  %a = mul i64 %x, 117
  %b = add i64 %a, 116
  ret i64 %b
}

define i64 @f117(i64 %x) {
entry:
  %a = mul i64 %x, 118
  %b = add i64 %a, 117
  ret i64 %b
}

define i64 @f118(i64 %x) {
entry:
  %a = mul i64 %x, 119
  %b = add i64 %a, 118
  ret i64 %b
}

define i64 @f119(i64 %x) {
entry:
  %a = mul i64 %x, 120
  %b = add i64 %a, 119
  ret i64 %b
}

define i64 @f120(i64 %x) {
entry:
  %a = mul i64 %x, 121
  %b = add i64 %a, 120
  ret i64 %b
}

define i64 @f121(i64 %x) {
entry:
  %a = mul i64 %x, 122
  %b = add i64 %a, 121
  ret i64 %b
}

define i64 @f122(i64 %x) {
entry:
  %a = mul i64 %x, 123
  %b = add i64 %a, 122
  ret i64 %b
}

define i64 @f123(i64 %x) {
entry:
  %a = mul i64 %x, 124
  %b = add i64 %a, 123
  ret i64 %b
}

define i64 @f124(i64 %x) {
entry:
  %a = mul i64 %x, 125
  %b = add i64 %a, 124
  ret i64 %b
}

define i64 @f125(i64 %x) {
entry:
  %a = mul i64 %x, 126
  %b = add i64 %a, 125
  ret i64 %b
}

define i64 @f126(i64 %x) {
entry:
  %a = mul i64 %x, 127
  %b = add i64 %a, 126
  ret i64 %b
}

define i64 @f127(i64 %x) {
entry:
  %a = mul i64 %x, 128
  %b = add i64 %a, 127
  ret i64 %b
}

define i64 @f128(i64 %x) {
entry:
  %a = mul i64 %x, 129
  %b = add i64 %a, 128
  ret i64 %b
}

define i64 @f129(i64 %x) {
entry:
  %a = mul i64 %x, 130
  %b = add i64 %a, 129
  ret i64 %b
}

define i64 @f130(i64 %x) {
entry:
  %a = mul i64 %x, 131
  %b = add i64 %a, 130
  ret i64 %b
}

define i64 @f131(i64 %x) {
entry:
  %a = mul i64 %x, 132
  %b = add i64 %a, 131
  ret i64 %b
}

define i64 @f132(i64 %x) {
entry:
  %a = mul i64 %x, 133
  %b = add i64 %a, 132
  ret i64 %b
}

define i64 @f133(i64 %x) {
entry:
  %a = mul i64 %x, 134
  %b = add i64 %a, 133
  ret i64 %b
}

define i64 @f134(i64 %x) {
entry:
  %a = mul i64 %x, 135
  %b = add i64 %a, 134
  ret i64 %b
}

define i64 @f135(i64 %x) {
entry:
  %a = mul i64 %x, 136
  %b = add i64 %a, 135
  ret i64 %b
}

define i64 @f136(i64 %x) {
entry:
  %a = mul i64 %x, 137
  %b = add i64 %a, 136
  ret i64 %b
}

define i64 @f137(i64 %x) {
entry:
  %a = mul i64 %x, 138
  %b = add i64 %a, 137
  ret i64 %b
}

define i64 @f138(i64 %x) {
entry:
  %a = mul i64 %x, 139
  %b = add i64 %a, 138
  ret i64 %b
}

define i64 @f139(i64 %x) {
entry:
  %a = mul i64 %x, 140
  %b = add i64 %a, 139
  ret i64 %b
}

define i64 @f140(i64 %x) {
entry:
  %a = mul i64 %x, 141
  %b = add i64 %a, 140
  ret i64 %b
}

define i64 @f141(i64 %x) {
entry:
  %a = mul i64 %x, 142
  %b = add i64 %a, 141
  ret i64 %b
}

define i64 @f142(i64 %x) {
entry:
  %a = mul i64 %x, 143
  %b = add i64 %a, 142
  ret i64 %b
}

define i64 @f143(i64 %x) {
entry:
  %a = mul i64 %x, 144
  %b = add i64 %a, 143
  ret i64 %b
}

define i64 @f144(i64 %x) {
entry:
  %a = mul i64 %x, 145
  %b = add i64 %a, 144
  ret i64 %b
}

define i64 @f145(i64 %x) {
entry:
  %a = mul i64 %x, 146
  %b = add i64 %a, 145
  ret i64 %b
}

define i64 @f146(i64 %x) {
entry:
  %a = mul i64 %x, 147
  %b = add i64 %a, 146
  ret i64 %b
}

define i64 @f147(i64 %x) {
entry:
  %a = mul i64 %x, 148
  %b = add i64 %a, 147
  ret i64 %b
}

define i64 @f148(i64 %x) {
entry:
  %a = mul i64 %x, 149
  %b = add i64 %a, 148
  ret i64 %b
}

define i64 @f149(i64 %x) {
entry:
  %a = mul i64 %x, 150
  %b = add i64 %a, 149
  ret i64 %b
}

define i64 @f150(i64 %x) {
entry:
  %a = mul i64 %x, 151
  %b = add i64 %a, 150
  ret i64 %b
}

define i64 @f151(i64 %x) {
entry:
  %a = mul i64 %x, 152
  %b = add i64 %a, 151
  ret i64 %b
}

define i64 @f152(i64 %x) {
entry:
  %a = mul i64 %x, 153
  %b = add i64 %a, 152
  ret i64 %b
}

define i64 @f153(i64 %x) {
entry:
  %a = mul i64 %x, 154
  %b = add i64 %a, 153
  ret i64 %b
}

define i64 @f154(i64 %x) {
entry:
  %a = mul i64 %x, 155
  %b = add i64 %a, 154
  ret i64 %b
}

define i64 @f155(i64 %x) {
entry:
  %a = mul i64 %x, 156
  %b = add i64 %a, 155
  ret i64 %b
}

define i64 @f156(i64 %x) {
entry:
  %a = mul i64 %x, 157
  %b = add i64 %a, 156
  ret i64 %b
}

define i64 @f157(i64 %x) {
entry:
  %a = mul i64 %x, 158
  %b = add i64 %a, 157
  ret i64 %b
}

define i64 @f158(i64 %x) {
entry:
  %a = mul i64 %x, 159
  %b = add i64 %a, 158
  ret i64 %b
}

define i64 @f159(i64 %x) {
entry:
  %a = mul i64 %x, 160
  %b = add i64 %a, 159
  ret i64 %b
}

define i64 @f160(i64 %x) {
entry:
  %a = mul i64 %x, 161
  %b = add i64 %a, 160
  ret i64 %b
}

define i64 @f161(i64 %x) {
entry:
  %a = mul i64 %x, 162
  %b = add i64 %a, 161
  ret i64 %b
}

define i64 @f162(i64 %x) {
entry:
  %a = mul i64 %x, 163
  %b = add i64 %a, 162
  ret i64 %b
}

define i64 @f163(i64 %x) {
entry:
  %a = mul i64 %x, 164
  %b = add i64 %a, 163
  ret i64 %b
}

define i64 @f164(i64 %x) {
entry:
  %a = mul i64 %x, 165
  %b = add i64 %a, 164
  ret i64 %b
}

define i64 @f165(i64 %x) {
entry:
  %a = mul i64 %x, 166
  %b = add i64 %a, 165
  ret i64 %b
}

define i64 @f166(i64 %x) {
entry:
  %a = mul i64 %x, 167
  %b = add i64 %a, 166
  ret i64 %b
}

define i64 @f167(i64 %x) {
entry:
  %a = mul i64 %x, 168
  %b = add i64 %a, 167
  ret i64 %b
}

define i64 @f168(i64 %x) {
entry:
  %a = mul i64 %x, 169
  %b = add i64 %a, 168
  ret i64 %b
}

define i64 @f169(i64 %x) {
entry:
  %a = mul i64 %x, 170
  %b = add i64 %a, 169
  ret i64 %b
}

define i64 @f170(i64 %x) {
entry:
  %a = mul i64 %x, 171
  %b = add i64 %a, 170
  ret i64 %b
}

define i64 @f171(i64 %x) {
entry:
  %a = mul i64 %x, 172
  %b = add i64 %a, 171
  ret i64 %b
}

define i64 @f172(i64 %x) {
entry:
  %a = mul i64 %x, 173
  %b = add i64 %a, 172
  ret i64 %b
}

define i64 @f173(i64 %x) {
entry:
  %a = mul i64 %x, 174
  %b = add i64 %a, 173
  ret i64 %b
}

define i64 @f174(i64 %x) {
entry:
  %a = mul i64 %x, 175
  %b = add i64 %a, 174
  ret i64 %b
}

define i64 @f175(i64 %x) {
entry:
  %a = mul i64 %x, 176
  %b = add i64 %a, 175
  ret i64 %b
}

define i64 @f176(i64 %x) {
entry:
  %a = mul i64 %x, 177
  %b = add i64 %a, 176
  ret i64 %b
}

define i64 @f177(i64 %x) {
entry:
  %a = mul i64 %x, 178
  %b = add i64 %a, 177
  ret i64 %b
}

define i64 @f178(i64 %x) {
entry:
  %a = mul i64 %x, 179
  %b = add i64 %a, 178
  ret i64 %b
}

define i64 @f179(i64 %x) {
entry:
  %a = mul i64 %x, 180
  %b = add i64 %a, 179
  ret i64 %b
}

define i64 @f180(i64 %x) {
entry:
  %a = mul i64 %x, 181
  %b = add i64 %a, 180
  ret i64 %b
}

define i64 @f181(i64 %x) {
entry:
  %a = mul i64 %x, 182
  %b = add i64 %a, 181
  ret i64 %b
}

define i64 @f182(i64 %x) {
entry:
  %a = mul i64 %x, 183
  %b = add i64 %a, 182
  ret i64 %b
}

define i64 @f183(i64 %x) {
entry:
  %a = mul i64 %x, 184
  %b = add i64 %a, 183
  ret i64 %b
}

define i64 @f184(i64 %x) {
entry:
  %a = mul i64 %x, 185
  %b = add i64 %a, 184
  ret i64 %b
}

define i64 @f185(i64 %x) {
entry:
  %a = mul i64 %x, 186
  %b = add i64 %a, 185
  ret i64 %b
}

define i64 @f186(i64 %x) {
entry:
  %a = mul i64 %x, 187
  %b = add i64 %a, 186
  ret i64 %b
}

define i64 @f187(i64 %x) {
entry:
  %a = mul i64 %x, 188
  %b = add i64 %a, 187
  ret i64 %b
}

define i64 @f188(i64 %x) {
entry:
  %a = mul i64 %x, 189
  %b = add i64 %a, 188
  ret i64 %b
}

define i64 @f189(i64 %x) {
entry:
  %a = mul i64 %x, 190
  %b = add i64 %a, 189
  ret i64 %b
}

define i64 @f190(i64 %x) {
entry:
  %a = mul i64 %x, 191
  %b = add i64 %a, 190
  ret i64 %b
}

define i64 @f191(i64 %x) {
entry:
  %a = mul i64 %x, 192
  %b = add i64 %a, 191
  ret i64 %b
}

define i64 @f192(i64 %x) {
entry:
  %a = mul i64 %x, 193
  %b = add i64 %a, 192
  ret i64 %b
}

define i64 @f193(i64 %x) {
entry:
  %a = mul i64 %x, 194
  %b = add i64 %a, 193
  ret i64 %b
}

define i64 @f194(i64 %x) {
entry:
  %a = mul i64 %x, 195
  %b = add i64 %a, 194
  ret i64 %b
}

define i64 @f195(i64 %x) {
entry:
  %a = mul i64 %x, 196
  %b = add i64 %a, 195
  ret i64 %b
}

define i64 @f196(i64 %x) {
entry:
  %a = mul i64 %x, 197
  %b = add i64 %a, 196
  ret i64 %b
}

define i64 @f197(i64 %x) {
entry:
  %a = mul i64 %x, 198
  %b = add i64 %a, 197
  ret i64 %b
}

define i64 @f198(i64 %x) {
entry:
  %a = mul i64 %x, 199
  %b = add i64 %a, 198
  ret i64 %b
}

define i64 @f199(i64 %x) {
entry:
  %a = mul i64 %x, 200
  %b = add i64 %a, 199
  ret i64 %b
}

define i64 @f200(i64 %x) {
entry:
  %a = mul i64 %x, 201
  %b = add i64 %a, 200
  ret i64 %b
}

define i64 @f201(i64 %x) {
entry:
  %a = mul i64 %x, 202
  %b = add i64 %a, 201
  ret i64 %b
}

define i64 @f202(i64 %x) {
entry:
  %a = mul i64 %x, 203
  %b = add i64 %a, 202
  ret i64 %b
}

define i64 @f203(i64 %x) {
entry:
  %a = mul i64 %x, 204
  %b = add i64 %a, 203
  ret i64 %b
}

define i64 @f204(i64 %x) {
entry:
  %a = mul i64 %x, 205
  %b = add i64 %a, 204
  ret i64 %b
}

define i64 @f205(i64 %x) {
entry:
  %a = mul i64 %x, 206
  %b = add i64 %a, 205
  ret i64 %b
}

define i64 @f206(i64 %x) {
entry:
  %a = mul i64 %x, 207
  %b = add i64 %a, 206
  ret i64 %b
}

define i64 @f207(i64 %x) {
entry:
  %a = mul i64 %x, 208
  %b = add i64 %a, 207
  ret i64 %b
}

define i64 @f208(i64 %x) {
entry:
  %a = mul i64 %x, 209
  %b = add i64 %a, 208
  ret i64 %b
}

define i64 @f209(i64 %x) {
entry:
  %a = mul i64 %x, 210
  %b = add i64 %a, 209
  ret i64 %b
}

define i64 @f210(i64 %x) {
entry:
  %a = mul i64 %x, 211
  %b = add i64 %a, 210
  ret i64 %b
}

define i64 @f211(i64 %x) {
entry:
  %a = mul i64 %x, 212
  %b = add i64 %a, 211
  ret i64 %b
}

define i64 @f212(i64 %x) {
entry:
  %a = mul i64 %x, 213
  %b = add i64 %a, 212
  ret i64 %b
}

define i64 @f213(i64 %x) {
entry:
  %a = mul i64 %x, 214
  %b = add i64 %a, 213
  ret i64 %b
}

define i64 @f214(i64 %x) {
entry:
  %a = mul i64 %x, 215
  %b = add i64 %a, 214
  ret i64 %b
}

define i64 @f215(i64 %x) {
entry:
  %a = mul i64 %x, 216
  %b = add i64 %a, 215
  ret i64 %b
}

define i64 @f216(i64 %x) {
entry:
  %a = mul i64 %x, 217
  %b = add i64 %a, 216
  ret i64 %b
}

define i64 @f217(i64 %x) {
entry:
  %a = mul i64 %x, 218
  %b = add i64 %a, 217
  ret i64 %b
}

define i64 @f218(i64 %x) {
entry:
  %a = mul i64 %x, 219
  %b = add i64 %a, 218
  ret i64 %b
}

define i64 @f219(i64 %x) {
entry:
  %a = mul i64 %x, 220
  %b = add i64 %a, 219
  ret i64 %b
}

define i64 @f220(i64 %x) {
entry:
  %a = mul i64 %x, 221
  %b = add i64 %a, 220
  ret i64 %b
}

define i64 @f221(i64 %x) {
entry:
  %a = mul i64 %x, 222
  %b = add i64 %a, 221
  ret i64 %b
}

define i64 @f222(i64 %x) {
entry:
  %a = mul i64 %x, 223
  %b = add i64 %a, 222
  ret i64 %b
}

define i64 @f223(i64 %x) {
entry:
  %a = mul i64 %x, 224
  %b = add i64 %a, 223
  ret i64 %b
}

define i64 @f224(i64 %x) {
entry:
  %a = mul i64 %x, 225
  %b = add i64 %a, 224
  ret i64 %b
}

define i64 @f225(i64 %x) {
entry:
  %a = mul i64 %x, 226
  %b = add i64 %a, 225
  ret i64 %b
}

define i64 @f226(i64 %x) {
entry:
  %a = mul i64 %x, 227
  %b = add i64 %a, 226
  ret i64 %b
}

define i64 @f227(i64 %x) {
entry:
  %a = mul i64 %x, 228
  %b = add i64 %a, 227
  ret i64 %b
}

define i64 @f228(i64 %x) {
entry:
  %a = mul i64 %x, 229
  %b = add i64 %a, 228
  ret i64 %b
}

define i64 @f229(i64 %x) {
entry:
  %a = mul i64 %x, 230
  %b = add i64 %a, 229
  ret i64 %b
}

define i64 @f230(i64 %x) {
entry:
  %a = mul i64 %x, 231
  %b = add i64 %a, 230
  ret i64 %b
}

define i64 @f231(i64 %x) {
entry:
  %a = mul i64 %x, 232
  %b = add i64 %a, 231
  ret i64 %b
}

define i64 @f232(i64 %x) {
entry:
  %a = mul i64 %x, 233
  %b = add i64 %a, 232
  ret i64 %b
}

define i64 @f233(i64 %x) {
entry:
  %a = mul i64 %x, 234
  %b = add i64 %a, 233
  ret i64 %b
}

define i64 @f234(i64 %x) {
entry:
  %a = mul i64 %x, 235
  %b = add i64 %a, 234
  ret i64 %b
}

define i64 @f235(i64 %x) {
entry:
  %a = mul i64 %x, 236
  %b = add i64 %a, 235
  ret i64 %b
}

define i64 @f236(i64 %x) {
entry:
  %a = mul i64 %x, 237
  %b = add i64 %a, 236
  ret i64 %b
}

define i64 @f237(i64 %x) {
entry:
  %a = mul i64 %x, 238
  %b = add i64 %a, 237
  ret i64 %b
}

define i64 @f238(i64 %x) {
entry:
  %a = mul i64 %x, 239
  %b = add i64 %a, 238
  ret i64 %b
}

define i64 @f239(i64 %x) {
entry:
  %a = mul i64 %x, 240
  %b = add i64 %a, 239
  ret i64 %b
}

define i64 @f240(i64 %x) {
entry:
  %a = mul i64 %x, 241
  %b = add i64 %a, 240
  ret i64 %b
}

define i64 @f241(i64 %x) {
entry:
  %a = mul i64 %x, 242
  %b = add i64 %a, 241
  ret i64 %b
}

define i64 @f242(i64 %x) {
entry:
  %a = mul i64 %x, 243
  %b = add i64 %a, 242
  ret i64 %b
}

define i64 @f243(i64 %x) {
entry:
  %a = mul i64 %x, 244
  %b = add i64 %a, 243
  ret i64 %b
}

define i64 @f244(i64 %x) {
entry:
  %a = mul i64 %x, 245
  %b = add i64 %a, 244
  ret i64 %b
}

define i64 @f245(i64 %x) {
entry:
  %a = mul i64 %x, 246
  %b = add i64 %a, 245
  ret i64 %b
}

define i64 @f246(i64 %x) {
entry:
  %a = mul i64 %x, 247
  %b = add i64 %a, 246
  ret i64 %b
}

define i64 @f247(i64 %x) {
entry:
  %a = mul i64 %x, 248
  %b = add i64 %a, 247
  ret i64 %b
}

define i64 @f248(i64 %x) {
entry:
  %a = mul i64 %x, 249
  %b = add i64 %a, 248
  ret i64 %b
}

define i64 @f249(i64 %x) {
entry:
  %a = mul i64 %x, 250
  %b = add i64 %a, 249
  ret i64 %b
}

define i64 @f250(i64 %x) {
entry:
  %a = mul i64 %x, 251
  %b = add i64 %a, 250
  ret i64 %b
}

define i64 @f251(i64 %x) {
entry:
  %a = mul i64 %x, 252
  %b = add i64 %a, 251
  ret i64 %b
}

define i64 @f252(i64 %x) {
entry:
  %a = mul i64 %x, 253
  %b = add i64 %a, 252
  ret i64 %b
}

define i64 @f253(i64 %x) {
entry:
  %a = mul i64 %x, 254
  %b = add i64 %a, 253
  ret i64 %b
}

define i64 @f254(i64 %x) {
entry:
  %a = mul i64 %x, 255
  %b = add i64 %a, 254
  ret i64 %b
}

define i64 @f255(i64 %x) {
entry:
  %a = mul i64 %x, 256
  %b = add i64 %a, 255
  ret i64 %b
}

define i64 @f256(i64 %x) {
entry:
  %a = mul i64 %x, 257
  %b = add i64 %a, 256
  ret i64 %b
}

define i64 @f257(i64 %x) {
entry:
  %a = mul i64 %x, 258
  %b = add i64 %a, 257
  ret i64 %b
}

define i64 @f258(i64 %x) {
entry:
  %a = mul i64 %x, 259
  %b = add i64 %a, 258
  ret i64 %b
}

define i64 @f259(i64 %x) {
entry:
  %a = mul i64 %x, 260
  %b = add i64 %a, 259
  ret i64 %b
}

define i64 @f260(i64 %x) {
entry:
  %a = mul i64 %x, 261
  %b = add i64 %a, 260
  ret i64 %b
}

define i64 @f261(i64 %x) {
entry:
  %a = mul i64 %x, 262
  %b = add i64 %a, 261
  ret i64 %b
}

define i64 @f262(i64 %x) {
entry:
  %a = mul i64 %x, 263
  %b = add i64 %a, 262
  ret i64 %b
}

define i64 @f263(i64 %x) {
entry:
  %a = mul i64 %x, 264
  %b = add i64 %a, 263
  ret i64 %b
}

define i64 @f264(i64 %x) {
entry:
  %a = mul i64 %x, 265
  %b = add i64 %a, 264
  ret i64 %b
}

define i64 @f265(i64 %x) {
entry:
  %a = mul i64 %x, 266
  %b = add i64 %a, 265
  ret i64 %b
}

define i64 @f266(i64 %x) {
entry:
  %a = mul i64 %x, 267
  %b = add i64 %a, 266
  ret i64 %b
}

define i64 @f267(i64 %x) {
entry:
  %a = mul i64 %x, 268
  %b = add i64 %a, 267
  ret i64 %b
}

define i64 @f268(i64 %x) {
entry:
  %a = mul i64 %x, 269
  %b = add i64 %a, 268
  ret i64 %b
}

define i64 @f269(i64 %x) {
entry:
  %a = mul i64 %x, 270
  %b = add i64 %a, 269
  ret i64 %b
}

define i64 @f270(i64 %x) {
entry:
  %a = mul i64 %x, 271
  %b = add i64 %a, 270
  ret i64 %b
}

define i64 @f271(i64 %x) {
entry:
  %a = mul i64 %x, 272
  %b = add i64 %a, 271
  ret i64 %b
}

define i64 @f272(i64 %x) {
entry:
  %a = mul i64 %x, 273
  %b = add i64 %a, 272
  ret i64 %b
}

define i64 @f273(i64 %x) {
entry:
  %a = mul i64 %x, 274
  %b = add i64 %a, 273
  ret i64 %b
}

define i64 @f274(i64 %x) {
entry:
  %a = mul i64 %x, 275
  %b = add i64 %a, 274
  ret i64 %b
}

define i64 @f275(i64 %x) {
entry:
  %a = mul i64 %x, 276
  %b = add i64 %a, 275
  ret i64 %b
}

define i64 @f276(i64 %x) {
entry:
  %a = mul i64 %x, 277
  %b = add i64 %a, 276
  ret i64 %b
}

define i64 @f277(i64 %x) {
entry:
  %a = mul i64 %x, 278
  %b = add i64 %a, 277
  ret i64 %b
}

define i64 @f278(i64 %x) {
entry:
  %a = mul i64 %x, 279
  %b = add i64 %a, 278
  ret i64 %b
}

define i64 @f279(i64 %x) {
entry:
  %a = mul i64 %x, 280
  %b = add i64 %a, 279
  ret i64 %b
}

define i64 @f280(i64 %x) {
entry:
  %a = mul i64 %x, 281
  %b = add i64 %a, 280
  ret i64 %b
}

define i64 @f281(i64 %x) {
entry:
  %a = mul i64 %x, 282
  %b = add i64 %a, 281
  ret i64 %b
}

define i64 @f282(i64 %x) {
entry:
  %a = mul i64 %x, 283
  %b = add i64 %a, 282
  ret i64 %b
}

define i64 @f283(i64 %x) {
entry:
  %a = mul i64 %x, 284
  %b = add i64 %a, 283
  ret i64 %b
}

define i64 @f284(i64 %x) {
entry:
  %a = mul i64 %x, 285
  %b = add i64 %a, 284
  ret i64 %b
}

define i64 @f285(i64 %x) {
entry:
  %a = mul i64 %x, 286
  %b = add i64 %a, 285
  ret i64 %b
}

define i64 @f286(i64 %x) {
entry:
  %a = mul i64 %x, 287
  %b = add i64 %a, 286
  ret i64 %b
}

define i64 @f287(i64 %x) {
entry:
  %a = mul i64 %x, 288
  %b = add i64 %a, 287
  ret i64 %b
}

define i64 @f288(i64 %x) {
entry:
  %a = mul i64 %x, 289
  %b = add i64 %a, 288
  ret i64 %b
}

define i64 @f289(i64 %x) {
entry:
  %a = mul i64 %x, 290
  %b = add i64 %a, 289
  ret i64 %b
}

define i64 @f290(i64 %x) {
entry:
  %a = mul i64 %x, 291
  %b = add i64 %a, 290
  ret i64 %b
}

define i64 @f291(i64 %x) {
entry:
  %a = mul i64 %x, 292
  %b = add i64 %a, 291
  ret i64 %b
}

define i64 @f292(i64 %x) {
entry:
  %a = mul i64 %x, 293
  %b = add i64 %a, 292
  ret i64 %b
}

define i64 @f293(i64 %x) {
entry:
  %a = mul i64 %x, 294
  %b = add i64 %a, 293
  ret i64 %b
}

define i64 @f294(i64 %x) {
entry:
  %a = mul i64 %x, 295
  %b = add i64 %a, 294
  ret i64 %b
}

define i64 @f295(i64 %x) {
entry:
  %a = mul i64 %x, 296
  %b = add i64 %a, 295
  ret i64 %b
}

define i64 @f296(i64 %x) {
entry:
  %a = mul i64 %x, 297
  %b = add i64 %a, 296
  ret i64 %b
}

define i64 @f297(i64 %x) {
entry:
  %a = mul i64 %x, 298
  %b = add i64 %a, 297
  ret i64 %b
}

define i64 @f298(i64 %x) {
entry:
  %a = mul i64 %x, 299
  %b = add i64 %a, 298
  ret i64 %b
}

define i64 @f299(i64 %x) {
entry:
  %a = mul i64 %x, 300
  %b = add i64 %a, 299
  ret i64 %b
}

define i64 @f300(i64 %x) {
entry:
  %a = mul i64 %x, 301
  %b = add i64 %a, 300
  ret i64 %b
}

define i64 @f301(i64 %x) {
entry:
  %a = mul i64 %x, 302
  %b = add i64 %a, 301
  ret i64 %b
}

define i64 @f302(i64 %x) {
entry:
  %a = mul i64 %x, 303
  %b = add i64 %a, 302
  ret i64 %b
}

define i64 @f303(i64 %x) {
entry:
  %a = mul i64 %x, 304
  %b = add i64 %a, 303
  ret i64 %b
}

define i64 @f304(i64 %x) {
entry:
  %a = mul i64 %x, 305
  %b = add i64 %a, 304
  ret i64 %b
}

define i64 @f305(i64 %x) {
entry:
  %a = mul i64 %x, 306
  %b = add i64 %a, 305
  ret i64 %b
}

define i64 @f306(i64 %x) {
entry:
  %a = mul i64 %x, 307
  %b = add i64 %a, 306
  ret i64 %b
}

define i64 @f307(i64 %x) {
entry:
  %a = mul i64 %x, 308
  %b = add i64 %a, 307
  ret i64 %b
}

define i64 @f308(i64 %x) {
entry:
  %a = mul i64 %x, 309
  %b = add i64 %a, 308
  ret i64 %b
}

define i64 @f309(i64 %x) {
entry:
  %a = mul i64 %x, 310
  %b = add i64 %a, 309
  ret i64 %b
}

define i64 @f310(i64 %x) {
entry:
  %a = mul i64 %x, 311
  %b = add i64 %a, 310
  ret i64 %b
}

define i64 @f311(i64 %x) {
entry:
  %a = mul i64 %x, 312
  %b = add i64 %a, 311
  ret i64 %b
}

define i64 @f312(i64 %x) {
entry:
  %a = mul i64 %x, 313
  %b = add i64 %a, 312
  ret i64 %b
}

define i64 @f313(i64 %x) {
entry:
  %a = mul i64 %x, 314
  %b = add i64 %a, 313
  ret i64 %b
}

define i64 @f314(i64 %x) {
entry:
  %a = mul i64 %x, 315
  %b = add i64 %a, 314
  ret i64 %b
}

define i64 @f315(i64 %x) {
entry:
  %a = mul i64 %x, 316
  %b = add i64 %a, 315
  ret i64 %b
}

define i64 @f316(i64 %x) {
entry:
  %a = mul i64 %x, 317
  %b = add i64 %a, 316
  ret i64 %b
}

define i64 @f317(i64 %x) {
entry:
  %a = mul i64 %x, 318
  %b = add i64 %a, 317
  ret i64 %b
}

define i64 @f318(i64 %x) {
entry:
  %a = mul i64 %x, 319
  %b = add i64 %a, 318
  ret i64 %b
}

define i64 @f319(i64 %x) {
entry:
  %a = mul i64 %x, 320
  %b = add i64 %a, 319
  ret i64 %b
}

define i64 @f320(i64 %x) {
entry:
  %a = mul i64 %x, 321
  %b = add i64 %a, 320
  ret i64 %b
}

define i64 @f321(i64 %x) {
entry:
  %a = mul i64 %x, 322
  %b = add i64 %a, 321
  ret i64 %b
}

define i64 @f322(i64 %x) {
entry:
  %a = mul i64 %x, 323
  %b = add i64 %a, 322
  ret i64 %b
}

define i64 @f323(i64 %x) {
entry:
  %a = mul i64 %x, 324
  %b = add i64 %a, 323
  ret i64 %b
}

define i64 @f324(i64 %x) {
entry:
  %a = mul i64 %x, 325
  %b = add i64 %a, 324
  ret i64 %b
}

define i64 @f325(i64 %x) {
entry:
  %a = mul i64 %x, 326
  %b = add i64 %a, 325
  ret i64 %b
}

define i64 @f326(i64 %x) {
entry:
  %a = mul i64 %x, 327
  %b = add i64 %a, 326
  ret i64 %b
}

define i64 @f327(i64 %x) {
entry:
  %a = mul i64 %x, 328
  %b = add i64 %a, 327
  ret i64 %b
}

define i64 @f328(i64 %x) {
entry:
  %a = mul i64 %x, 329
  %b = add i64 %a, 328
  ret i64 %b
}

define i64 @f329(i64 %x) {
entry:
  %a = mul i64 %x, 330
  %b = add i64 %a, 329
  ret i64 %b
}

define i64 @f330(i64 %x) {
entry:
  %a = mul i64 %x, 331
  %b = add i64 %a, 330
  ret i64 %b
}

define i64 @f331(i64 %x) {
entry:
  %a = mul i64 %x, 332
  %b = add i64 %a, 331
  ret i64 %b
}

define i64 @f332(i64 %x) {
entry:
  %a = mul i64 %x, 333
  %b = add i64 %a, 332
  ret i64 %b
}

define i64 @f333(i64 %x) {
entry:
  %a = mul i64 %x, 334
  %b = add i64 %a, 333
  ret i64 %b
}

define i64 @f334(i64 %x) {
entry:
  %a = mul i64 %x, 335
  %b = add i64 %a, 334
  ret i64 %b
}

define i64 @f335(i64 %x) {
entry:
  %a = mul i64 %x, 336
  %b = add i64 %a, 335
  ret i64 %b
}

define i64 @f336(i64 %x) {
entry:
  %a = mul i64 %x, 337
  %b = add i64 %a, 336
  ret i64 %b
}

define i64 @f337(i64 %x) {
entry:
  %a = mul i64 %x, 338
  %b = add i64 %a, 337
  ret i64 %b
}

define i64 @f338(i64 %x) {
entry:
  %a = mul i64 %x, 339
  %b = add i64 %a, 338
  ret i64 %b
}

define i64 @f339(i64 %x) {
entry:
  %a = mul i64 %x, 340
  %b = add i64 %a, 339
  ret i64 %b
}

define i64 @f340(i64 %x) {
entry:
  %a = mul i64 %x, 341
  %b = add i64 %a, 340
  ret i64 %b
}

define i64 @f341(i64 %x) {
entry:
  %a = mul i64 %x, 342
  %b = add i64 %a, 341
  ret i64 %b
}

define i64 @f342(i64 %x) {
entry:
  %a = mul i64 %x, 343
  %b = add i64 %a, 342
  ret i64 %b
}

define i64 @f343(i64 %x) {
entry:
  %a = mul i64 %x, 344
  %b = add i64 %a, 343
  ret i64 %b
}

define i64 @f344(i64 %x) {
entry:
  %a = mul i64 %x, 345
  %b = add i64 %a, 344
  ret i64 %b
}

define i64 @f345(i64 %x) {
entry:
  %a = mul i64 %x, 346
  %b = add i64 %a, 345
  ret i64 %b
}

define i64 @f346(i64 %x) {
entry:
  %a = mul i64 %x, 347
  %b = add i64 %a, 346
  ret i64 %b
}

define i64 @f347(i64 %x) {
entry:
  %a = mul i64 %x, 348
  %b = add i64 %a, 347
  ret i64 %b
}

define i64 @f348(i64 %x) {
entry:
  %a = mul i64 %x, 349
  %b = add i64 %a, 348
  ret i64 %b
}

define i64 @f349(i64 %x) {
entry:
  %a = mul i64 %x, 350
  %b = add i64 %a, 349
  ret i64 %b
}

define i64 @f350(i64 %x) {
entry:
  %a = mul i64 %x, 351
  %b = add i64 %a, 350
  ret i64 %b
}

define i64 @f351(i64 %x) {
entry:
  %a = mul i64 %x, 352
  %b = add i64 %a, 351
  ret i64 %b
}

define i64 @f352(i64 %x) {
entry:
  %a = mul i64 %x, 353
  %b = add i64 %a, 352
  ret i64 %b
}

define i64 @f353(i64 %x) {
entry:
  %a = mul i64 %x, 354
  %b = add i64 %a, 353
  ret i64 %b
}

define i64 @f354(i64 %x) {
entry:
  %a = mul i64 %x, 355
  %b = add i64 %a, 354
  ret i64 %b
}

define i64 @f355(i64 %x) {
entry:
  %a = mul i64 %x, 356
  %b = add i64 %a, 355
  ret i64 %b
}

define i64 @f356(i64 %x) {
entry:
  %a = mul i64 %x, 357
  %b = add i64 %a, 356
  ret i64 %b
}

define i64 @f357(i64 %x) {
entry:
  %a = mul i64 %x, 358
  %b = add i64 %a, 357
  ret i64 %b
}

define i64 @f358(i64 %x) {
entry:
  %a = mul i64 %x, 359
  %b = add i64 %a, 358
  ret i64 %b
}

define i64 @f359(i64 %x) {
entry:
  %a = mul i64 %x, 360
  %b = add i64 %a, 359
  ret i64 %b
}

define i64 @f360(i64 %x) {
entry:
  %a = mul i64 %x, 361
  %b = add i64 %a, 360
  ret i64 %b
}

define i64 @f361(i64 %x) {
entry:
  %a = mul i64 %x, 362
  %b = add i64 %a, 361
  ret i64 %b
}

define i64 @f362(i64 %x) {
entry:
  %a = mul i64 %x, 363
  %b = add i64 %a, 362
  ret i64 %b
}

define i64 @f363(i64 %x) {
entry:
  %a = mul i64 %x, 364
  %b = add i64 %a, 363
  ret i64 %b
}

define i64 @f364(i64 %x) {
entry:
  %a = mul i64 %x, 365
  %b = add i64 %a, 364
  ret i64 %b
}

define i64 @f365(i64 %x) {
entry:
  %a = mul i64 %x, 366
  %b = add i64 %a, 365
  ret i64 %b
}

define i64 @f366(i64 %x) {
entry:
  %a = mul i64 %x, 367
  %b = add i64 %a, 366
  ret i64 %b
}

define i64 @f367(i64 %x) {
entry:
  %a = mul i64 %x, 368
  %b = add i64 %a, 367
  ret i64 %b
}

define i64 @f368(i64 %x) {
entry:
  %a = mul i64 %x, 369
  %b = add i64 %a, 368
  ret i64 %b
}

define i64 @f369(i64 %x) {
entry:
  %a = mul i64 %x, 370
  %b = add i64 %a, 369
  ret i64 %b
}

define i64 @f370(i64 %x) {
entry:
  %a = mul i64 %x, 371
  %b = add i64 %a, 370
  ret i64 %b
}

define i64 @f371(i64 %x) {
entry:
  %a = mul i64 %x, 372
  %b = add i64 %a, 371
  ret i64 %b
}

define i64 @f372(i64 %x) {
entry:
  %a = mul i64 %x, 373
  %b = add i64 %a, 372
  ret i64 %b
}

define i64 @f373(i64 %x) {
entry:
  %a = mul i64 %x, 374
  %b = add i64 %a, 373
  ret i64 %b
}

define i64 @f374(i64 %x) {
entry:
  %a = mul i64 %x, 375
  %b = add i64 %a, 374
  ret i64 %b
}

define i64 @f375(i64 %x) {
entry:
  %a = mul i64 %x, 376
  %b = add i64 %a, 375
  ret i64 %b
}

define i64 @f376(i64 %x) {
entry:
  %a = mul i64 %x, 377
  %b = add i64 %a, 376
  ret i64 %b
}

define i64 @f377(i64 %x) {
entry:
  %a = mul i64 %x, 378
  %b = add i64 %a, 377
  ret i64 %b
}

define i64 @f378(i64 %x) {
entry:
  %a = mul i64 %x, 379
  %b = add i64 %a, 378
  ret i64 %b
}

define i64 @f379(i64 %x) {
entry:
  %a = mul i64 %x, 380
  %b = add i64 %a, 379
  ret i64 %b
}

define i64 @f380(i64 %x) {
entry:
  %a = mul i64 %x, 381
  %b = add i64 %a, 380
  ret i64 %b
}

define i64 @f381(i64 %x) {
entry:
  %a = mul i64 %x, 382
  %b = add i64 %a, 381
  ret i64 %b
}

define i64 @f382(i64 %x) {
entry:
  %a = mul i64 %x, 383
  %b = add i64 %a, 382
  ret i64 %b
}

define i64 @f383(i64 %x) {
entry:
  %a = mul i64 %x, 384
  %b = add i64 %a, 383
  ret i64 %b
}

define i64 @f384(i64 %x) {
entry:
  %a = mul i64 %x, 385
  %b = add i64 %a, 384
  ret i64 %b
}

define i64 @f385(i64 %x) {
entry:
  %a = mul i64 %x, 386
  %b = add i64 %a, 385
  ret i64 %b
}

define i64 @f386(i64 %x) {
entry:
  %a = mul i64 %x, 387
  %b = add i64 %a, 386
  ret i64 %b
}

define i64 @f387(i64 %x) {
entry:
  %a = mul i64 %x, 388
  %b = add i64 %a, 387
  ret i64 %b
}

define i64 @f388(i64 %x) {
entry:
  %a = mul i64 %x, 389
  %b = add i64 %a, 388
  ret i64 %b
}

define i64 @f389(i64 %x) {
entry:
  %a = mul i64 %x, 390
  %b = add i64 %a, 389
  ret i64 %b
}

define i64 @f390(i64 %x) {
entry:
  %a = mul i64 %x, 391
  %b = add i64 %a, 390
  ret i64 %b
}

define i64 @f391(i64 %x) {
entry:
  %a = mul i64 %x, 392
  %b = add i64 %a, 391
  ret i64 %b
}

define i64 @f392(i64 %x) {
entry:
  %a = mul i64 %x, 393
  %b = add i64 %a, 392
  ret i64 %b
}

define i64 @f393(i64 %x) {
entry:
  %a = mul i64 %x, 394
  %b = add i64 %a, 393
  ret i64 %b
}

define i64 @f394(i64 %x) {
entry:
  %a = mul i64 %x, 395
  %b = add i64 %a, 394
  ret i64 %b
}

define i64 @f395(i64 %x) {
entry:
  %a = mul i64 %x, 396
  %b = add i64 %a, 395
  ret i64 %b
}

define i64 @f396(i64 %x) {
entry:
  %a = mul i64 %x, 397
  %b = add i64 %a, 396
  ret i64 %b
}

define i64 @f397(i64 %x) {
entry:
  %a = mul i64 %x, 398
  %b = add i64 %a, 397
  ret i64 %b
}

define i64 @f398(i64 %x) {
entry:
  %a = mul i64 %x, 399
  %b = add i64 %a, 398
  ret i64 %b
}

define i64 @f399(i64 %x) {
entry:
  %a = mul i64 %x, 400
  %b = add i64 %a, 399
  ret i64 %b
}
