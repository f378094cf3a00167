import { Initial1795756412474 } from './1795756412474-Initial';
import { Workflow1795757219479 } from './1795757219479-Workflow';
import { RateLimit1795758000000 } from './1795758000000-RateLimit';
import { AuditFilters1795758412000 } from './1795758412000-AuditFilters';
import { Regions1796340272145 } from './1796340272145-Regions';
import { PublishedFiles1796341648030 } from './1796341648030-PublishedFiles';
import { HashAlgorithm1796342213673 } from './1796342213673-HashAlgorithm';
import { Notifications1796342787881 } from './1796342787881-Notifications';
import { CaseRecord1796343133826 } from './1796343133826-CaseRecord';
import { SigningSafeguards1796351067360 } from './1796351067360-SigningSafeguards';
import { FindingAcknowledgement1796351366659 } from './1796351366659-FindingAcknowledgement';
import { ContributionReview1796351227475 } from './1796351227475-ContributionReview';
import { RegionTotalClustered1796351870146 } from './1796351870146-RegionTotalClustered';
import { CensusIndexes1796352000000 } from './1796352000000-CensusIndexes';

/** SQLite migrations in order (generated with typeorm migration:generate, then reviewed) */
export const SQLITE_MIGRATIONS = [Initial1795756412474, Workflow1795757219479, RateLimit1795758000000, AuditFilters1795758412000, Regions1796340272145, PublishedFiles1796341648030, HashAlgorithm1796342213673, Notifications1796342787881, CaseRecord1796343133826, SigningSafeguards1796351067360, FindingAcknowledgement1796351366659, ContributionReview1796351227475, RegionTotalClustered1796351870146, CensusIndexes1796352000000];
