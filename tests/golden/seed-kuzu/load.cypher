// jurigraph's graph for Kuzu: the tables, the COPYs (nodes before relationships, one
// file per FROM/TO pair), then the lists Kuzu's CSV list syntax cannot carry.
// File paths are relative to this folder: run it from here, into an empty database,
// e.g. with Kuzu's Node.js API: conn.query(fs.readFileSync('load.cypher', 'utf8')).
CREATE NODE TABLE `Company`(`id` STRING, `aliases` STRING[], `country` STRING, `description` STRING, `name` STRING, PRIMARY KEY (`id`));
CREATE NODE TABLE `Authority`(`id` STRING, `aliases` STRING[], `country` STRING, `description` STRING, `name` STRING, PRIMARY KEY (`id`));
CREATE NODE TABLE `Court`(`id` STRING, `aliases` STRING[], `country` STRING, `description` STRING, `name` STRING, PRIMARY KEY (`id`));
CREATE NODE TABLE `Decision`(`id` STRING, `amount` DOUBLE, `case_number` STRING, `contacts_in_database` INT64, `currency` STRING, `date` DATE, `docket_entry` STRING, `docweb` STRING, `ecli` STRING, `fine_google_ireland` STRING, `fine_google_llc` STRING, `formation` STRING, `kind` STRING, `legifrance` STRING, `motion_for_preliminary_approval` STRING, `name` STRING, `number` STRING, `reduced_to` STRING, `requete` STRING, `summary` STRING, PRIMARY KEY (`id`));
CREATE NODE TABLE `Provision`(`id` STRING, `aliases` STRING[], `celex` STRING, `country` STRING, `description` STRING, `eli` STRING, `name` STRING, PRIMARY KEY (`id`));
CREATE REL TABLE `ISSUED_BY`(FROM `Decision` TO `Authority`, FROM `Decision` TO `Court`);
CREATE REL TABLE `AGAINST`(FROM `Decision` TO `Company`);
CREATE REL TABLE `APPEAL_OF`(FROM `Decision` TO `Decision`, `outcome` STRING, `solution` STRING);
CREATE REL TABLE `CITES`(FROM `Decision` TO `Provision`, `role` STRING);
CREATE REL TABLE `SUBCONTRACTOR_OF`(FROM `Company` TO `Company`, `contract` STRING, `incident` STRING, `service` STRING);
CREATE REL TABLE `ANSWERS_REFERENCE_OF`(FROM `Decision` TO `Decision`);
CREATE REL TABLE `APPROVES`(FROM `Decision` TO `Decision`);
CREATE REL TABLE `BASED_ON`(FROM `Decision` TO `Decision`);
CREATE REL TABLE `CITES_DECISION`(FROM `Decision` TO `Decision`);
CREATE REL TABLE `COLLECTED_DATA_FROM`(FROM `Company` TO `Company`, `data` STRING);
CREATE REL TABLE `SHARED_DATA_WITH`(FROM `Company` TO `Company`, `status` STRING, `via` STRING);
COPY `Company` FROM 'Company.csv' (header=true, delim=',', quote='"', escape='"');
COPY `Authority` FROM 'Authority.csv' (header=true, delim=',', quote='"', escape='"');
COPY `Court` FROM 'Court.csv' (header=true, delim=',', quote='"', escape='"');
COPY `Decision` FROM 'Decision.csv' (header=true, delim=',', quote='"', escape='"');
COPY `Provision` FROM 'Provision.csv' (header=true, delim=',', quote='"', escape='"');
COPY `ISSUED_BY` FROM 'ISSUED_BY.Decision.Authority.csv' (from='Decision', to='Authority', header=true, delim=',', quote='"', escape='"');
COPY `ISSUED_BY` FROM 'ISSUED_BY.Decision.Court.csv' (from='Decision', to='Court', header=true, delim=',', quote='"', escape='"');
COPY `AGAINST` FROM 'AGAINST.Decision.Company.csv' (from='Decision', to='Company', header=true, delim=',', quote='"', escape='"');
COPY `APPEAL_OF` FROM 'APPEAL_OF.Decision.Decision.csv' (from='Decision', to='Decision', header=true, delim=',', quote='"', escape='"');
COPY `CITES` FROM 'CITES.Decision.Provision.csv' (from='Decision', to='Provision', header=true, delim=',', quote='"', escape='"');
COPY `SUBCONTRACTOR_OF` FROM 'SUBCONTRACTOR_OF.Company.Company.csv' (from='Company', to='Company', header=true, delim=',', quote='"', escape='"');
COPY `ANSWERS_REFERENCE_OF` FROM 'ANSWERS_REFERENCE_OF.Decision.Decision.csv' (from='Decision', to='Decision', header=true, delim=',', quote='"', escape='"');
COPY `APPROVES` FROM 'APPROVES.Decision.Decision.csv' (from='Decision', to='Decision', header=true, delim=',', quote='"', escape='"');
COPY `BASED_ON` FROM 'BASED_ON.Decision.Decision.csv' (from='Decision', to='Decision', header=true, delim=',', quote='"', escape='"');
COPY `CITES_DECISION` FROM 'CITES_DECISION.Decision.Decision.csv' (from='Decision', to='Decision', header=true, delim=',', quote='"', escape='"');
COPY `COLLECTED_DATA_FROM` FROM 'COLLECTED_DATA_FROM.Company.Company.csv' (from='Company', to='Company', header=true, delim=',', quote='"', escape='"');
COPY `SHARED_DATA_WITH` FROM 'SHARED_DATA_WITH.Company.Company.csv' (from='Company', to='Company', header=true, delim=',', quote='"', escape='"');
MATCH (n:`Provision`) WHERE n.`id` = 'provision:fr-loi-78-17-art-82' SET n.`aliases` = ['loi Informatique et Libertés, art. 82'];
