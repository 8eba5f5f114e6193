0  BEGIN PGM AXIOM7_PLANO_INCL MM
1  ; Quintrel Axiom 7 - sample: drilling on a tilted face
2  ; AXPLANE ROT A=.. B=.. C=.. MOVE  -> tilts the working plane (rotary axes follow)
3  ; AXPLANE RESET                    -> cancels the tilted plane
4  ; AXTCP ON / AXTCP OFF             -> tool centre point management
5  ; CYC DRILL DEPTH=.. SAFE=.. FEED=..          -> drilling cycle
6  ; CYC PECK DEPTH=.. STEP=.. SAFE=.. FEED=..   -> peck drilling, STEP = peck depth
7  ; RUNPGM "NAME.h"                  -> calls a subprogram
8  ; V1..V999 user variables
9  BLK FORM 0.1 Z X+0 Y+0 Z-40
10 BLK FORM 0.2 X+120 Y+80 Z+0
11 V10 = 20
12 V11 = 5
13 TOOL CALL 5 Z S6000 F800
14 L Z+100 R0 FMAX
15 AXPLANE ROT A=0 B=30 C=45 MOVE
16 L X+30 Y+20 FMAX
17 CYC DRILL DEPTH=-V10 SAFE=2 FEED=150
18 L X+60 Y+20 FMAX
19 CYC PECK DEPTH=-40 STEP=V11 SAFE=2 FEED=110
20 AXPLANE RESET
21 TOOL CALL 9 Z S12000 F1500
22 AXTCP ON
23 RUNPGM "BLADE_SWARF.h"
24 AXTCP OFF
25 L Z+150 R0 FMAX M30
26 END PGM AXIOM7_PLANO_INCL MM
