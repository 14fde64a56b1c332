import { validRequestsPart } from "./valid-requests.suite.ts";

// Half the document's operations (the suite is split so that both workers share it).
validRequestsPart(1);
