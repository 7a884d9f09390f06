/* json.c built again with its vector paths off (JSON_WALK_REFERENCE): the
 * byte loops that test_json.c compares the shipped walker with. */
#define JSON_WALK_REFERENCE 1
#define json_walk_record json_walk_record_ref
#include "record/json.c"
