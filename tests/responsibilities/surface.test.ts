import { describe, expect, it } from 'vitest';
import * as departments from '../../core/departments/index.js';
import * as responsibilities from '../../ingest/enrich/responsibilities/index.js';
import * as tasksIndex from '../../core/index/tasks.js';

/** The public surface others call; a change here is a change of contract. */
describe('public surface', () => {
  it('core/departments', () => {
    expect(Object.keys(departments).sort()).toEqual(
      [
        'DEPARTMENT_FUNCTIONS',
        'DepartmentFunctions',
        'DepartmentEntry',
        'Level',
        'REGISTRY_FILE',
        'RegistryData',
        'createDepartmentRegistry',
        'departmentDictionary',
        'departmentSynonyms',
        'foldDepartmentWords',
        'guessLevel',
        'isCollective',
        'issuingLevel',
        'loadDepartmentRegistry',
        'nameVariants',
        'normalizeDepartmentName',
        'resolveDepartment',
      ].sort(),
    );
  });

  it('ingest/enrich/responsibilities', () => {
    expect(Object.keys(responsibilities).sort()).toEqual(
      [
        'ANY_LABEL',
        'DEADLINE_LABEL',
        'GENERIC_OTHERS',
        'HAND_DOWN_OPENING',
        'LEADER_LABEL',
        'NEUTRAL_LABEL',
        'POST',
        'ROLE_LABEL',
        'ROLE_SUFFIX',
        'Role',
        'Task',
        'TaskDoc',
        'TaskForm',
        'classifyRole',
        'documentLevel',
        'extractResponsibilities',
        'extractYears',
        'findNoteLines',
        'findOwnerNotes',
        'gluedSectionDepartment',
        'isBodyLike',
        'isHeaderRow',
        'isOwnerNote',
        'parseOwnerNote',
        'readTaskTable',
        'resolveOwners',
        'rowCells',
        'sectionDepartment',
        'splitAtNotes',
        'splitCellDepartments',
        'splitDepartmentList',
        'splitOutsideParens',
        'taskTableColumns',
        'withoutLabel',
      ].sort(),
    );
  });

  it('core/index/tasks', () => {
    expect(Object.keys(tasksIndex).sort()).toEqual(['DepartmentDoc', 'RoleCounts', 'TaskDoc', 'departmentId', 'toDepartmentDocs', 'toTaskDocs'].sort());
  });
});
