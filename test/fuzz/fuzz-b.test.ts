import { fuzzPart } from "./fuzz.suite.ts";

// Half the document's routes (the suite is split so that both workers share it).
fuzzPart(1);
