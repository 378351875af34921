// Vigil.g4: the grammar of the vigil detection-rule language (ANTLR 4).
// Only compiler/parse/parser.cc sees the generated code; it builds the AST from this tree.
// Comments go to the HIDDEN channel so `vigil fmt` can keep them.
grammar Vigil;

// ---------------------------------------------------------------------------------------------
// Files and declarations

file        : item* EOF ;
item        : importDecl | listDecl | tenantListDecl | macroDecl | ruleDecl ;

importDecl     : IMPORT STRING ;
listDecl       : LIST name ':' typeRef ( '=' listLiteral | FROM STRING ) ;
tenantListDecl : TENANT LIST name ':' typeRef ( '=' listLiteral )? ;
macroDecl      : MACRO name ( '(' ( param ( ',' param )* )? ')' )? '=' expr ;
param          : name ':' typeRef ;
typeRef        : name ( '<' name '>' )? ;

ruleDecl    : RULE dottedName '{' clause* '}' ;
dottedName  : name ( '.' name )* ;

clause
  : ON eventTypes                                                         # onClause
  | WHEN expr                                                             # whenClause
  | AGGREGATE BY exprList OVER DURATION window=name? HAVING expr          # aggregateClause
  | SEQUENCE BY exprList WITHIN DURATION '{' step+ '}'                    # sequenceClause
  | EVIDENCE '{' ( evidenceItem ( ',' evidenceItem )* ','? )? '}'         # evidenceClause
  | SUPPRESS BY exprList FOR DURATION                                     # suppressClause
  | EXCEPT name '(' exceptField ( ',' exceptField )* ')' ( '=' exceptValues )?  # exceptClause
  | TEST STRING '{' testItem* '}'                                         # testClause
  | name metaValue                                                        # metaClause
  ;

eventTypes   : name ( ',' name )* ;
exprList     : expr ( ',' expr )* ;
step         : kind=( STEP | ABSENT ) name ':' eventTypes ( WHERE expr )? ;
evidenceItem : ( name ':' )? expr ;
exceptField  : expr exceptOp? ;
exceptOp     : '==' | CONTAINS | ICONTAINS | STARTS_WITH | ISTARTS_WITH | ENDS_WITH
             | IENDS_WITH | LIKE | ILIKE | IN ;
exceptValues : '[' ( exceptTuple ( ',' exceptTuple )* ','? )? ']' ;
exceptTuple  : literal | '(' literal ( ',' literal )* ')' ;

metaValue
  : STRING | name | INT | FLOAT | TRUE_LIT | FALSE_LIT
  | '[' ( metaValue ( ',' metaValue )* ','? )? ']'
  ;

// Embedded tests: events in order, list values for the test's tenant, expectations.
testItem
  : SET LISTREF '=' listLiteral                                           # testSet
  | ( REPEAT INT ( EVERY DURATION )? )? name '{' ( eventField ( ','? eventField )* ','? )? '}'  # testEvent
  | EXPECT ( MATCH | NO MATCH | INT name? )                               # testExpect
  ;
eventField : dottedName ':' eventValue ;
eventValue
  : literal
  | '[' ( eventValue ( ',' eventValue )* ','? )? ']'
  | '{' ( eventField ( ','? eventField )* ','? )? '}'
  ;

// ---------------------------------------------------------------------------------------------
// Expressions, highest precedence first

expr
  : primary                                                               # primaryExpr
  | expr '.' name                                                         # memberExpr
  | expr '[' expr ']'                                                     # indexExpr
  | '-' expr                                                              # negExpr
  | expr op=( '*' | '/' | '%' ) expr                                      # mulExpr
  | expr op=( '+' | '-' ) expr                                            # addExpr
  | expr op=( '==' | '!=' | '<' | '<=' | '>' | '>=' ) expr                # cmpExpr
  | expr NOT? op=( CONTAINS | ICONTAINS | STARTS_WITH | ISTARTS_WITH | ENDS_WITH
                 | IENDS_WITH | LIKE | ILIKE | MATCHES | IMATCHES ) expr  # strOpExpr
  | expr NOT? IN expr                                                     # inExpr
  | expr IS NOT? NULL_LIT                                                     # isNullExpr
  | NOT expr                                                              # notExpr
  | expr AND expr                                                         # andExpr
  | expr OR expr                                                          # orExpr
  ;

primary
  : literal                                                               # literalPrimary
  | '(' expr ')'                                                          # parenPrimary
  | q=( ANY | ALL | NONE | COUNT ) '(' name IN expr ( ':' expr )? ')'     # quantifierPrimary
  | COUNT '(' ')'                                                         # countPrimary
  | callee '(' ( expr ( ',' expr )* )? ')' ( OVER DURATION )?             # callPrimary
  | LISTREF                                                               # listRefPrimary
  | listLiteral                                                           # listPrimary
  | name                                                                  # namePrimary
  ;

listLiteral : '[' ( expr ( ',' expr )* ','? )? ']' ;

// A function name: a name, or a string operator keyword called as the function of the same
// name (`contains(subject, sender.local)`: the stdlib's call forms take non-constant patterns).
callee
  : name | CONTAINS | ICONTAINS | STARTS_WITH | ISTARTS_WITH | ENDS_WITH | IENDS_WITH | LIKE
  | ILIKE | MATCHES | IMATCHES
  ;

literal : STRING | INT | FLOAT | DURATION | TIMESTAMP | IPV4 | CIDR4 | TRUE_LIT | FALSE_LIT | NULL_LIT ;

// Soft keywords: usable as names (fields such as `from`, `source`, metadata keys such as
// `class`).
name
  : IDENT | FROM | STEP | ABSENT | WINDOW | MATCH | NO | SET | REPEAT | EVERY | EXPECT | WHERE
  | LIST | TENANT | MACRO | IMPORT | RULE | ON | WHEN | AGGREGATE | SEQUENCE | EVIDENCE
  | SUPPRESS | EXCEPT | TEST | BY | FOR | OVER | WITHIN | HAVING
  ;

// ---------------------------------------------------------------------------------------------
// Lexer

IMPORT    : 'import' ;
LIST      : 'list' ;
TENANT    : 'tenant' ;
MACRO     : 'macro' ;
RULE      : 'rule' ;
FROM      : 'from' ;
ON        : 'on' ;
WHEN      : 'when' ;
AGGREGATE : 'aggregate' ;
SEQUENCE  : 'sequence' ;
EVIDENCE  : 'evidence' ;
SUPPRESS  : 'suppress' ;
EXCEPT    : 'except' ;
TEST      : 'test' ;
BY        : 'by' ;
FOR       : 'for' ;
OVER      : 'over' ;
WITHIN    : 'within' ;
HAVING    : 'having' ;
WINDOW    : 'window' ;
STEP      : 'step' ;
ABSENT    : 'absent' ;
WHERE     : 'where' ;
SET       : 'set' ;
REPEAT    : 'repeat' ;
EVERY     : 'every' ;
EXPECT    : 'expect' ;
MATCH     : 'match' ;
NO        : 'no' ;

AND : 'and' ;
OR  : 'or' ;
NOT : 'not' ;
IN  : 'in' ;
IS  : 'is' ;
ANY : 'any' ;
ALL : 'all' ;
NONE : 'none' ;
COUNT : 'count' ;
TRUE_LIT  : 'true' ;
FALSE_LIT : 'false' ;
NULL_LIT  : 'null' ;
CONTAINS     : 'contains' ;
ICONTAINS    : 'icontains' ;
STARTS_WITH  : 'starts_with' ;
ISTARTS_WITH : 'istarts_with' ;
ENDS_WITH    : 'ends_with' ;
IENDS_WITH   : 'iends_with' ;
LIKE         : 'like' ;
ILIKE        : 'ilike' ;
MATCHES      : 'matches' ;
IMATCHES     : 'imatches' ;

TIMESTAMP : DIGIT DIGIT DIGIT DIGIT '-' DIGIT DIGIT '-' DIGIT DIGIT 'T' DIGIT DIGIT ':' DIGIT DIGIT
            ( ':' DIGIT DIGIT ( '.' DIGIT+ )? )? ( 'Z' | [+-] DIGIT DIGIT ':'? DIGIT DIGIT ) ;
CIDR4     : OCTET '.' OCTET '.' OCTET '.' OCTET '/' DIGIT DIGIT? ;
IPV4      : OCTET '.' OCTET '.' OCTET '.' OCTET ;
DURATION  : ( DIGIT+ ( 'ms' | 's' | 'm' | 'h' | 'd' | 'w' ) )+ ;
FLOAT     : DIGIT+ '.' DIGIT+ ( [eE] [+-]? DIGIT+ )? ;
INT       : DIGIT+ ;
STRING    : '"' ( ~["\\\r\n] | '\\' . )* '"' ;
LISTREF   : '$' [a-zA-Z_] [a-zA-Z0-9_]* ;
IDENT     : [a-zA-Z_] [a-zA-Z0-9_]* ;

EQ  : '==' ;
NE  : '!=' ;
LE  : '<=' ;
GE  : '>=' ;
LT  : '<' ;
GT  : '>' ;

LINE_COMMENT  : '//' ~[\r\n]* -> channel(HIDDEN) ;
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN) ;
WS            : [ \t\r\n]+ -> channel(HIDDEN) ;
// Anything else is one bad character; the parser reports it as E0102.
BAD_CHAR      : . ;

fragment DIGIT : [0-9] ;
fragment OCTET : DIGIT DIGIT? DIGIT? ;
