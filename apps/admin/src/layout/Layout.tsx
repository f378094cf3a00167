import type { ReactNode } from 'react';
import { Layout as RaLayout } from 'react-admin';
import { AppBar } from './AppBar';
import { Menu } from './Menu';

/**
 * react-admin's layout with Touming's bar and menu. The content column may shrink below its content's
 * width (minWidth 0), so wide tables scroll inside their own box instead of widening the page on phones.
 */
export function Layout({ children }: { children: ReactNode }) {
  return (
    <RaLayout
      appBar={AppBar}
      menu={Menu}
      sx={{
        minWidth: 0,
        '& .RaLayout-appFrame, & .RaLayout-contentWithSidebar, & .RaLayout-content': { minWidth: 0 },
        // the list's column may shrink too, else it grows to its table's width and the page with it;
        // the table scrolls in its own wrapper (RaList-content's overflow is react-admin's own, inherit)
        '& .RaList-main': { minWidth: 0 },
        '& .RaDatagrid-tableWrapper': { overflowX: 'auto' },
        // …and on a phone its columns keep a readable width (a name one character per line otherwise)
        '& .RaDatagrid-table .MuiTableCell-root': { minWidth: { xs: 96, sm: 0 } },
      }}
    >
      {children}
    </RaLayout>
  );
}
