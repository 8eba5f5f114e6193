; ------------------------------------------------------------
; VELLORAN VC-420T  -  programa de ejemplo: eje roscado M24x2
; Departamento de aplicaciones, Velloran Ibérica
; ------------------------------------------------------------
; Ciclos usados:
;   ROUGHTURN(X=.., Z=.., D=.., U=.., W=.., F=..)  desbaste longitudinal
;        D = profundidad de pasada, U/W = creces en X/Z
;   THREADCUT(X=.., Z=.., P=.., H=.., N=..)        roscado a cuchilla multipasada
;        P = paso, H = profundidad de rosca, N = número de pasadas
;   G96 S.. velocidad de corte constante, G97 S.. rpm fijas
; ------------------------------------------------------------
%PRG EJE_M24
N10 G18 G90 G54
N20 T0101                     ; cuchilla de desbaste
N30 G96 S220 M4
N40 G0 X52 Z2
N50 ROUGHTURN(X=24, Z=-45, D=2.5, U=0.4, W=0.1, F=0.28)
N60 G97 S900
N70 T0303                     ; herramienta de roscar 60 grados
N80 G0 X28 Z5
N90 THREADCUT(X=21.4, Z=-30, P=2, H=1.3, N=8)
N100 G0 X100 Z100
N110 M30
