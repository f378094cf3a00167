import { Initial1795756413018 } from './1795756413018-Initial';
import { Workflow1795757219480 } from './1795757219480-Workflow';
import { RateLimit1795758000001 } from './1795758000001-RateLimit';
import { AuditFilters1795758412001 } from './1795758412001-AuditFilters';
import { Regions1796340272146 } from './1796340272146-Regions';
import { PublishedFiles1796341648031 } from './1796341648031-PublishedFiles';
import { HashAlgorithm1796342213674 } from './1796342213674-HashAlgorithm';
import { Notifications1796342787882 } from './1796342787882-Notifications';
import { CaseRecord1796343133827 } from './1796343133827-CaseRecord';
import { SigningSafeguards1796351067361 } from './1796351067361-SigningSafeguards';
import { FindingAcknowledgement1796351366660 } from './1796351366660-FindingAcknowledgement';
import { ContributionReview1796351227476 } from './1796351227476-ContributionReview';
import { CensusIndexes1796352000001 } from './1796352000001-CensusIndexes';

/** MySQL/MariaDB migrations in order (generated with typeorm migration:generate, then reviewed) */
export const MYSQL_MIGRATIONS = [Initial1795756413018, Workflow1795757219480, RateLimit1795758000001, AuditFilters1795758412001, Regions1796340272146, PublishedFiles1796341648031, HashAlgorithm1796342213674, Notifications1796342787882, CaseRecord1796343133827, SigningSafeguards1796351067361, FindingAcknowledgement1796351366660, ContributionReview1796351227476, CensusIndexes1796352000001];
